package org.familyview.search.index;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * A rebuild's bulk requests written as NDJSON by hand and sent through the low-level REST client.
 * Measured on this project's event documents (docs/benchmarks.md), the Java client's {@code
 * BulkIngester} spent about 20 µs of application CPU per document and made Elasticsearch spend half
 * as much again as the same documents sent as plain NDJSON; this costs about 2 µs. The documents
 * are flat maps of strings, numbers and lists of strings, which is all a FamilyView index holds.
 */
final class NdjsonBulk {

  private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

  private final Rest5Client rest;
  private final String index;
  private final AliasedIndex.Bulk options;

  NdjsonBulk(Rest5Client rest, String index, AliasedIndex.Bulk options) {
    this.rest = rest;
    this.index = index;
    this.options = options;
  }

  /** Sends every document; fails if any request fails or any document is refused. */
  long send(Stream<AliasedIndex.Document> documents) throws IOException {
    ExecutorService senders = Executors.newFixedThreadPool(options.concurrentRequests());
    // One request being written here and at most this many in flight: memory stays bounded.
    Semaphore inFlight = new Semaphore(options.concurrentRequests());
    List<Future<?>> sent = new ArrayList<>();
    long count = 0;
    try {
      StringBuilder body = new StringBuilder(1 << 20);
      int operations = 0;
      for (var it = documents.iterator(); it.hasNext(); ) {
        AliasedIndex.Document document = it.next();
        body.append("{\"index\":{\"_id\":");
        string(body, document.id());
        body.append("}}\n");
        object(body, document.source());
        body.append('\n');
        count++;
        if (++operations == options.operations()) {
          sent.add(submit(senders, inFlight, body));
          body.setLength(0);
          operations = 0;
          failFast(sent);
        }
      }
      if (operations > 0) {
        sent.add(submit(senders, inFlight, body));
      }
      for (Future<?> request : sent) {
        await(request);
      }
      return count;
    } finally {
      senders.shutdownNow();
    }
  }

  private Future<?> submit(ExecutorService senders, Semaphore inFlight, StringBuilder body)
      throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing into " + index, e);
    }
    try {
      return senders.submit(
          () -> {
            try {
              post(bytes);
            } finally {
              inFlight.release();
            }
            return null;
          });
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
  }

  private void post(byte[] bytes) throws IOException {
    Request request = new Request("POST", "/" + index + "/_bulk");
    // Only what tells success from failure comes back, not one item per document.
    request.addParameter("filter_path", "errors,items.*.error,items.*._id");
    request.setEntity(new ByteArrayEntity(bytes, NDJSON));
    Response response = rest.performRequest(request);
    String answer;
    try (InputStream in = response.getEntity().getContent()) {
      answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!answer.contains("\"errors\":false")) {
      throw new IOException(
          "indexing into "
              + index
              + " failed: "
              + (answer.length() > 500 ? answer.substring(0, 500) + "…" : answer));
    }
  }

  /** Stops early when a request already failed, rather than reading every row first. */
  private static void failFast(List<Future<?>> sent) throws IOException {
    for (Future<?> request : sent) {
      if (request.isDone()) {
        await(request);
      }
    }
    sent.removeIf(Future::isDone);
  }

  private static void await(Future<?> request) throws IOException {
    try {
      request.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("a bulk request failed", e.getCause());
    }
  }

  static void object(StringBuilder out, Map<String, Object> source) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> field : source.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, field.getKey());
      out.append(':');
      value(out, field.getValue());
    }
    out.append('}');
  }

  private static void value(StringBuilder out, Object value) {
    switch (value) {
      case String s -> string(out, s);
      case Number n -> out.append(n);
      case Boolean b -> out.append(b);
      case Iterable<?> values -> {
        out.append('[');
        boolean first = true;
        for (Object v : values) {
          if (!first) {
            out.append(',');
          }
          first = false;
          value(out, v);
        }
        out.append(']');
      }
      default ->
          throw new IllegalArgumentException(
              "an index document holds strings, numbers and lists, not " + value.getClass());
    }
  }

  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}

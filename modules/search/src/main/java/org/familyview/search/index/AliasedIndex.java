package org.familyview.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One index behind an alias. A rebuild writes a fresh index under a timestamped name with bulk
 * requests (no refresh, no replica while it fills) and only then moves the alias to it in one
 * atomic alias update, so readers see the old index or the new one and never a half-built one.
 */
public final class AliasedIndex {

  /** One document as it is sent: its id and its source. */
  public record Document(String id, Map<String, Object> source) {}

  private final ElasticsearchClient client;
  private final String alias;
  private final Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> mapping;
  private final Clock clock;

  public AliasedIndex(
      ElasticsearchClient client,
      String alias,
      Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> mapping,
      Clock clock) {
    this.client = client;
    this.alias = alias;
    this.mapping = mapping;
    this.clock = clock;
  }

  public String alias() {
    return alias;
  }

  /** Builds a new index from every document, swaps it in, and removes the indices it replaced. */
  public long rebuild(Stream<Document> documents) throws IOException {
    String index = alias + "-" + clock.millis();
    client
        .indices()
        .create(
            c ->
                c.index(index)
                    .settings(
                        s ->
                            s.numberOfShards("1")
                                .numberOfReplicas("0")
                                .refreshInterval(t -> t.time("-1"))
                                // Nobody reads the new index before the swap and a failed build
                                // is simply run again, so the build need not fsync every request.
                                .translog(t -> t.durability(TranslogDurability.Async)))
                    .mappings(mapping));
    AtomicLong count = new AtomicLong();
    // Two requests in flight keep Elasticsearch busy while the next batch is read and serialised.
    try (BulkIngester<Void> bulk =
        BulkIngester.of(
            b ->
                b.client(client)
                    .maxOperations(5_000)
                    .maxConcurrentRequests(2)
                    .flushInterval(5, TimeUnit.SECONDS))) {
      documents.forEach(
          document -> {
            bulk.add(
                op -> op.index(i -> i.index(index).id(document.id()).document(document.source())));
            count.incrementAndGet();
          });
    }
    client
        .indices()
        .putSettings(
            s ->
                s.index(index)
                    .settings(
                        t ->
                            t.refreshInterval(r -> r.time("1s"))
                                .translog(l -> l.durability(TranslogDurability.Request))));
    client.indices().refresh(r -> r.index(index));
    List<String> previous = currentIndices();
    client
        .indices()
        .updateAliases(
            u -> {
              u.actions(a -> a.add(add -> add.index(index).alias(alias)));
              for (String old : previous) {
                u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
              }
              return u;
            });
    for (String old : previous) {
      client.indices().delete(d -> d.index(old));
    }
    return count.get();
  }

  /** Adds or replaces one document in the live index. */
  public void upsert(Document document) throws IOException {
    client.index(i -> i.index(alias).id(document.id()).document(document.source()));
  }

  /**
   * Adds or replaces some documents and removes others in the live index in bulk requests: the
   * incremental path for what a run changed, without rebuilding everything.
   */
  public void apply(Collection<Document> upserts, Collection<String> deletions) throws IOException {
    if (upserts.isEmpty() && deletions.isEmpty()) {
      return;
    }
    try (BulkIngester<Void> bulk = BulkIngester.of(b -> b.client(client).maxOperations(5_000))) {
      for (Document document : upserts) {
        bulk.add(op -> op.index(i -> i.index(alias).id(document.id()).document(document.source())));
      }
      for (String id : deletions) {
        bulk.add(op -> op.delete(d -> d.index(alias).id(id)));
      }
    }
  }

  public void delete(String id) throws IOException {
    client.delete(d -> d.index(alias).id(id));
  }

  public void refresh() throws IOException {
    client.indices().refresh(r -> r.index(alias));
  }

  /** The concrete indices behind the alias now: one, or none before the first build. */
  public List<String> currentIndices() throws IOException {
    if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
      return List.of();
    }
    GetAliasResponse response = client.indices().getAlias(g -> g.name(alias));
    return new ArrayList<>(response.aliases().keySet());
  }
}

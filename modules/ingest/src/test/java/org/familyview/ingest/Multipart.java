package org.familyview.ingest;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body of file parts, as a browser or curl would send it. */
final class Multipart {

  private final String boundary = "----familyview" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  Multipart file(String part, String filename, byte[] content) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + part
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: text/csv\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  Multipart file(String part, String filename, String content) {
    return file(part, filename, content.getBytes(StandardCharsets.UTF_8));
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  HttpRequest.BodyPublisher publisher() {
    write("--" + boundary + "--\r\n");
    return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}

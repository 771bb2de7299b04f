package org.familyview.search.people;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;

/** A client for the real Elasticsearch the launcher started, with its generated credentials. */
public final class Elastic {

  private Elastic() {}

  public static ElasticsearchClient client() throws Exception {
    return client(System.getenv().getOrDefault("FV_ES_URL", "http://localhost:9200"));
  }

  static ElasticsearchClient client(String url) throws Exception {
    String credentials =
        System.getenv().getOrDefault("FV_ES_USER", "familyview")
            + ":"
            + System.getenv().getOrDefault("FV_ES_PASSWORD", "");
    Rest5Client rest =
        Rest5Client.builder(HttpHost.create(url))
            .setDefaultHeaders(
                new Header[] {
                  new BasicHeader(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                })
            .build();
    return new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
  }
}

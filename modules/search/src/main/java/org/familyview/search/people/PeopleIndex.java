package org.familyview.search.people;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The people index behind the alias {@code <prefix>-people}. A rebuild writes a fresh index under a
 * timestamped name with bulk requests and only then moves the alias to it in one atomic alias
 * update, so searches see the old index or the new one and never a half-built one.
 */
public final class PeopleIndex {

  private final ElasticsearchClient client;
  private final String alias;
  private final Clock clock;

  public PeopleIndex(ElasticsearchClient client, String prefix, Clock clock) {
    this.client = client;
    this.alias = prefix + "-people";
    this.clock = clock;
  }

  public String alias() {
    return alias;
  }

  /** Builds a new index from every person, swaps it in, and removes the indices it replaced. */
  public long rebuild(Stream<PersonDocument> people) throws IOException {
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
                                .refreshInterval(t -> t.time("-1")))
                    .mappings(PeopleMapping.MAPPING));
    AtomicLong count = new AtomicLong();
    try (BulkIngester<Void> bulk =
        BulkIngester.of(
            b -> b.client(client).maxOperations(5_000).flushInterval(5, TimeUnit.SECONDS))) {
      people.forEach(
          person -> {
            bulk.add(
                op ->
                    op.index(i -> i.index(index).id(person.personId()).document(person.source())));
            count.incrementAndGet();
          });
    }
    client
        .indices()
        .putSettings(s -> s.index(index).settings(t -> t.refreshInterval(r -> r.time("1s"))));
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

  /** Adds or replaces one person in the live index: the nightly run's incremental path. */
  public void upsert(PersonDocument person) throws IOException {
    client.index(i -> i.index(alias).id(person.personId()).document(person.source()));
  }

  /** Removes a person, e.g. after erasure or a merge into another person. */
  public void delete(String personId) throws IOException {
    client.delete(d -> d.index(alias).id(personId));
  }

  public void refresh() throws IOException {
    client.indices().refresh(r -> r.index(alias));
  }

  List<String> currentIndices() throws IOException {
    if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
      return List.of();
    }
    GetAliasResponse response = client.indices().getAlias(g -> g.name(alias));
    return new ArrayList<>(response.aliases().keySet());
  }
}

package org.familyview.search.people;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Clock;
import org.familyview.search.index.AliasedIndex;
import org.familyview.search.index.DocumentIndex;

/**
 * The people index behind the alias {@code <prefix>-people}. A rebuild writes a fresh index under a
 * timestamped name with bulk requests and only then moves the alias to it in one atomic alias
 * update, so searches see the old index or the new one and never a half-built one.
 */
public final class PeopleIndex extends DocumentIndex<PersonDocument> {

  public PeopleIndex(ElasticsearchClient client, String prefix, Clock clock) {
    super(
        new AliasedIndex(client, prefix + "-people", PeopleMapping.MAPPING, clock),
        PeopleIndex::document);
  }

  /** Adds or replaces one person in the live index: the nightly run's incremental path. */
  public void upsert(PersonDocument person) throws IOException {
    index().upsert(document(person));
  }

  /** Removes a person, e.g. after erasure or a merge into another person. */
  public void delete(String personId) throws IOException {
    index().delete(personId);
  }

  static AliasedIndex.Document document(PersonDocument person) {
    return new AliasedIndex.Document(person.personId(), person.source());
  }
}

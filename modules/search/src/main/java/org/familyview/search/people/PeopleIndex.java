package org.familyview.search.people;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.familyview.search.index.AliasedIndex;

/**
 * The people index behind the alias {@code <prefix>-people}. A rebuild writes a fresh index under a
 * timestamped name with bulk requests and only then moves the alias to it in one atomic alias
 * update, so searches see the old index or the new one and never a half-built one.
 */
public final class PeopleIndex {

  private final AliasedIndex index;

  public PeopleIndex(ElasticsearchClient client, String prefix, Clock clock) {
    this.index = new AliasedIndex(client, prefix + "-people", PeopleMapping.MAPPING, clock);
  }

  public String alias() {
    return index.alias();
  }

  /** Builds a new index from every person, swaps it in, and removes the indices it replaced. */
  public long rebuild(Stream<PersonDocument> people) throws IOException {
    return index.rebuild(people.map(PeopleIndex::document));
  }

  /** As {@link #rebuild(Stream)}, sent as the options say; returns the index now live. */
  public AliasedIndex.Built rebuild(Stream<PersonDocument> people, AliasedIndex.Bulk options)
      throws IOException {
    return index.rebuild(people.map(PeopleIndex::document), options);
  }

  /** The index behind the alias, for what every FamilyView index shares (versions, counts). */
  public AliasedIndex index() {
    return index;
  }

  /** Adds or replaces one person in the live index: the nightly run's incremental path. */
  public void upsert(PersonDocument person) throws IOException {
    index.upsert(document(person));
  }

  /** Replaces the people a run changed and removes those it retired, in bulk, in the live index. */
  public void update(Collection<PersonDocument> changed, Collection<String> retired)
      throws IOException {
    index.apply(changed.stream().map(PeopleIndex::document).toList(), retired);
  }

  /** Removes a person, e.g. after erasure or a merge into another person. */
  public void delete(String personId) throws IOException {
    index.delete(personId);
  }

  public void refresh() throws IOException {
    index.refresh();
  }

  public List<String> currentIndices() throws IOException {
    return index.currentIndices();
  }

  static AliasedIndex.Document document(PersonDocument person) {
    return new AliasedIndex.Document(person.personId(), person.source());
  }
}

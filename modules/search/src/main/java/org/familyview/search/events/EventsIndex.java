package org.familyview.search.events;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.familyview.search.index.AliasedIndex;

/**
 * The events index behind the alias {@code <prefix>-events}, rebuilt whole and swapped in. Every
 * field is a keyword or a date and none is scored: the index answers filters and counts, not text.
 */
public final class EventsIndex {

  static final Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> MAPPING =
      m ->
          // No _source: nothing reads an event back from here (the chronology comes from
          // PostgreSQL and a rebuild reads PostgreSQL again), and storing 5 M of them is a large
          // part of the build's cost. Filters and aggregations use the indexed terms and doc
          // values.
          m.dynamic(DynamicMapping.Strict)
              .source(s -> s.enabled(false))
              .properties("agency", p -> p.keyword(k -> k))
              .properties("event_id", p -> p.keyword(k -> k.index(false).docValues(false)))
              .properties("person_id", p -> p.keyword(k -> k))
              .properties("family_id", p -> p.keyword(k -> k))
              .properties("type", p -> p.keyword(k -> k))
              .properties("role", p -> p.keyword(k -> k))
              .properties("occurred_on", p -> p.date(d -> d.format("strict_date")))
              .properties("sensitivity", p -> p.keyword(k -> k));

  private final AliasedIndex index;

  public EventsIndex(ElasticsearchClient client, String prefix, Clock clock) {
    this.index = new AliasedIndex(client, prefix + "-events", MAPPING, clock);
  }

  public String alias() {
    return index.alias();
  }

  public long rebuild(Stream<EventDocument> events) throws IOException {
    return index.rebuild(events.map(EventDocument::document));
  }

  /** As {@link #rebuild(Stream)}, sent as the options say; returns the index now live. */
  public AliasedIndex.Built rebuild(Stream<EventDocument> events, AliasedIndex.Bulk options)
      throws IOException {
    return index.rebuild(events.map(EventDocument::document), options);
  }

  /**
   * Replaces the events a run changed and removes those that went (by document id, {@link
   * EventDocument#id()}), in bulk, in the live index.
   */
  public void update(Collection<EventDocument> changed, Collection<String> removed)
      throws IOException {
    index.apply(changed.stream().map(EventDocument::document).toList(), removed);
  }

  /** The document ids of every event the live index holds for these people. */
  public List<String> idsOfPeople(Collection<String> personIds) throws IOException {
    return index.idsWhere("person_id", personIds);
  }

  /** The index behind the alias, for what every FamilyView index shares (versions, counts). */
  public AliasedIndex index() {
    return index;
  }

  public List<String> currentIndices() throws IOException {
    return index.currentIndices();
  }
}

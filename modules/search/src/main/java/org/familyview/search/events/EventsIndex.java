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
import org.familyview.search.index.AliasedIndex;
import org.familyview.search.index.DocumentIndex;

/**
 * The events index behind the alias {@code <prefix>-events}, rebuilt whole and swapped in. Every
 * field is a keyword or a date and none is scored: the index answers filters and counts, not text.
 */
public final class EventsIndex extends DocumentIndex<EventDocument> {

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

  public EventsIndex(ElasticsearchClient client, String prefix, Clock clock) {
    super(new AliasedIndex(client, prefix + "-events", MAPPING, clock), EventDocument::document);
  }

  /** The document ids of every event the live index holds for these people. */
  public List<String> idsOfPeople(Collection<String> personIds) throws IOException {
    return index().idsWhere("person_id", personIds);
  }
}

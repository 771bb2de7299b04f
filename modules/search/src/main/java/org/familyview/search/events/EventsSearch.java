package org.familyview.search.events;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.familyview.search.people.Visibility;

/**
 * Questions across families: which families had events matching a filter, and how many, most first.
 * A lead asks this over every family; a keyworker over the families open to them.
 */
public final class EventsSearch {

  public static final int MAX_FAMILIES = 500;

  private final ElasticsearchClient client;
  private final String alias;

  public EventsSearch(ElasticsearchClient client, String prefix) {
    this.client = client;
    this.alias = prefix + "-events";
  }

  /** The families, most matching events first; empty when Elasticsearch cannot answer. */
  public Optional<List<FamilyEvents>> familiesWith(
      EventFilter filter, Visibility visibility, int size) {
    if (visibility.seesNothing()) {
      return Optional.of(List.of());
    }
    try {
      SearchResponse<Void> response =
          client.search(
              s ->
                  s.index(alias)
                      .size(0)
                      .query(q -> q.bool(b -> build(b, filter, visibility)))
                      .aggregations(
                          "families",
                          a ->
                              a.terms(
                                  t ->
                                      t.field("family_id")
                                          .size(Math.clamp(size, 1, MAX_FAMILIES)))),
              Void.class);
      List<StringTermsBucket> buckets =
          response.aggregations().get("families").sterms().buckets().array();
      return Optional.of(
          buckets.stream()
              .map(b -> new FamilyEvents(b.key().stringValue(), b.docCount()))
              .toList());
    } catch (IOException | ElasticsearchException e) {
      return Optional.empty();
    }
  }

  private static BoolQuery.Builder build(
      BoolQuery.Builder b, EventFilter filter, Visibility visibility) {
    b.filter(f -> f.exists(e -> e.field("family_id")));
    if (!filter.agencies().isEmpty()) {
      b.filter(
          f ->
              f.terms(
                  t ->
                      t.field("agency")
                          .terms(
                              v ->
                                  v.value(
                                      values(
                                          filter.agencies().stream()
                                              .map(a -> a.toLowerCase(Locale.ROOT))
                                              .toList())))));
    }
    if (!filter.types().isEmpty()) {
      b.filter(f -> f.terms(t -> t.field("type").terms(v -> v.value(values(filter.types())))));
    }
    if (filter.from() != null || filter.to() != null) {
      b.filter(
          f ->
              f.range(
                  r ->
                      r.date(
                          d -> {
                            d.field("occurred_on");
                            if (filter.from() != null) {
                              d.gte(filter.from().toString());
                            }
                            if (filter.to() != null) {
                              d.lte(filter.to().toString());
                            }
                            return d;
                          })));
    }
    if (visibility instanceof Visibility.Families families) {
      b.filter(
          f ->
              f.terms(t -> t.field("family_id").terms(v -> v.value(values(families.familyIds())))));
    }
    return b;
  }

  private static List<FieldValue> values(Collection<String> strings) {
    return strings.stream().map(FieldValue::of).toList();
  }
}

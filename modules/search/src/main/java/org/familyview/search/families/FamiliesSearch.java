package org.familyview.search.families;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.familyview.search.people.Visibility;
import org.familyview.search.query.NameClause;
import org.familyview.search.query.SearchQuery;

/**
 * Finding a family rather than a person: "the Smiths in LS6" or "the family Jonathan Smyth is in".
 * Every name typed must match some member (fuzzy or phonetic); a typed postcode or district must be
 * where some member lives. Visibility is a filter inside the query, as for people.
 */
public final class FamiliesSearch {

  public static final int MAX_RESULTS = 50;

  private final ElasticsearchClient client;
  private final String alias;
  private final Clock clock;

  public FamiliesSearch(ElasticsearchClient client, String prefix, Clock clock) {
    this.client = client;
    this.alias = prefix + "-families";
    this.clock = clock;
  }

  /**
   * The families found, best first; empty when Elasticsearch cannot answer (the caller says so).
   */
  public Optional<List<FamilyHit>> search(String text, Visibility visibility, int size) {
    SearchQuery query = SearchQuery.parse(text, LocalDate.now(clock));
    if (query.names().isEmpty() && query.postcode().isEmpty() && query.district().isEmpty()) {
      return Optional.of(List.of());
    }
    if (visibility.seesNothing()) {
      return Optional.of(List.of());
    }
    try {
      SearchResponse<Map> response =
          client.search(
              s ->
                  s.index(alias)
                      .size(Math.clamp(size, 1, MAX_RESULTS))
                      .query(q -> q.bool(b -> build(b, query, visibility))),
              Map.class);
      return Optional.of(response.hits().hits().stream().map(FamiliesSearch::hit).toList());
    } catch (IOException | ElasticsearchException e) {
      return Optional.empty();
    }
  }

  private static BoolQuery.Builder build(
      BoolQuery.Builder b, SearchQuery query, Visibility visibility) {
    for (String name : query.names()) {
      b.must(NameClause.mustMatch(name));
      b.should(s -> s.term(t -> t.field("family_names").value(name).boost(2.0f)));
    }
    query
        .postcode()
        .ifPresent(p -> b.filter(f -> f.term(t -> t.field("postcodes").value(p.unit()))));
    query.district().ifPresent(d -> b.filter(f -> f.term(t -> t.field("districts").value(d))));
    if (!query.identifiers().isEmpty()) {
      // Identifiers belong to people; a family search with one finds the person's family instead.
      b.filter(f -> f.matchNone(n -> n));
    }
    return visibility.restrict(b);
  }

  @SuppressWarnings("unchecked")
  private static FamilyHit hit(Hit<Map> hit) {
    Map<String, Object> source = hit.source() == null ? Map.of() : hit.source();
    return new FamilyHit(
        String.valueOf(source.get("family_id")),
        strings(source.get("family_names")),
        strings(source.get("districts")),
        source.get("member_count") instanceof Number n ? n.intValue() : 0,
        strings(source.get("agencies")),
        hit.score() == null ? 0 : hit.score());
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }
}

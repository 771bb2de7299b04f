package org.familyview.search.people;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import java.util.Set;

/** Which people a user may find: everyone (leads), or those in the families open to them. */
public sealed interface Visibility {

  /**
   * Adds this visibility to a query as a filter on the documents' current {@code family_id}, so
   * that what the user may not see is never fetched, counted or scored. The people and families
   * indices both carry that field; this is the one place the rule is written.
   */
  default BoolQuery.Builder restrict(BoolQuery.Builder query) {
    if (this instanceof Families families) {
      query.filter(
          f ->
              f.terms(
                  t ->
                      t.field("family_id")
                          .terms(
                              v ->
                                  v.value(
                                      families.familyIds().stream()
                                          .map(FieldValue::of)
                                          .toList()))));
    }
    return query;
  }

  /**
   * Whether no document can be visible at all (a user open to no family), so that a search can
   * answer "nothing" without asking Elasticsearch.
   */
  default boolean seesNothing() {
    return this instanceof Families families && families.familyIds().isEmpty();
  }

  record Everyone() implements Visibility {}

  record Families(Set<String> familyIds) implements Visibility {
    public Families {
      familyIds = Set.copyOf(familyIds);
    }
  }
}

package org.familyview.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.Set;

/**
 * What a typed name must match in an index that holds folded names ({@code names}) and their
 * phonetic keys ({@code name_keys}), as the people and families indices both do: the name within a
 * keying slip or two, or any of its phonetic keys.
 */
public final class NameClause {

  private NameClause() {}

  public static Query mustMatch(String name) {
    Set<String> keys = NameKeys.phonetic(name);
    return Query.of(
        q ->
            q.bool(
                n -> {
                  n.should(
                      s ->
                          s.match(
                              t -> t.field("names").query(name).fuzziness("AUTO").prefixLength(1)));
                  // One term query per key rather than one terms query: a terms query collects
                  // every document of every key before anything is intersected, which for a
                  // common key ("SM0") is tens of thousands at a million people.
                  for (String key : keys) {
                    n.should(s -> s.term(t -> t.field("name_keys").value(key)));
                  }
                  return n.minimumShouldMatch("1");
                }));
  }
}

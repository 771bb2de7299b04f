package org.familyview.search.people;

import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.util.ObjectBuilder;
import java.util.function.Function;

/**
 * Keywords for everything compared exactly (identifiers, postcodes, phonetic keys computed in
 * Java); the standard analyzer only for folded names, where fuzzy matching does its work. The
 * display name is stored, not indexed: nobody should find a person by a field they cannot see.
 */
final class PeopleMapping {

  static final Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> MAPPING =
      m ->
          m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
              .properties("person_id", p -> p.keyword(k -> k))
              .properties("display_name", p -> p.keyword(k -> k.index(false)))
              .properties("names", p -> p.text(t -> t.analyzer("standard")))
              .properties("name_keys", p -> p.keyword(k -> k))
              .properties("family_names", p -> p.keyword(k -> k))
              .properties("date_of_birth", p -> p.date(d -> d.format("strict_date")))
              .properties("postcode", p -> p.keyword(k -> k))
              .properties("district", p -> p.keyword(k -> k))
              .properties("identifiers", p -> p.keyword(k -> k))
              .properties("family_id", p -> p.keyword(k -> k))
              .properties("agencies", p -> p.keyword(k -> k));

  private PeopleMapping() {}
}

package org.familyview.search.families;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.util.ObjectBuilder;
import java.time.Clock;
import java.util.function.Function;
import org.familyview.search.index.AliasedIndex;
import org.familyview.search.index.DocumentIndex;

/** The families index behind the alias {@code <prefix>-families}, rebuilt whole and swapped in. */
public final class FamiliesIndex extends DocumentIndex<FamilyDocument> {

  static final Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> MAPPING =
      m ->
          m.dynamic(DynamicMapping.Strict)
              .properties("family_id", p -> p.keyword(k -> k))
              .properties("member_ids", p -> p.keyword(k -> k))
              .properties("member_count", p -> p.integer(i -> i))
              .properties("names", p -> p.text(t -> t.analyzer("standard")))
              .properties("name_keys", p -> p.keyword(k -> k))
              .properties("family_names", p -> p.keyword(k -> k))
              .properties("postcodes", p -> p.keyword(k -> k))
              .properties("districts", p -> p.keyword(k -> k))
              .properties("agencies", p -> p.keyword(k -> k));

  public FamiliesIndex(ElasticsearchClient client, String prefix, Clock clock) {
    super(new AliasedIndex(client, prefix + "-families", MAPPING, clock), FamilyDocument::document);
  }
}

package org.familyview.search.families;

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

/** The families index behind the alias {@code <prefix>-families}, rebuilt whole and swapped in. */
public final class FamiliesIndex {

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

  private final AliasedIndex index;

  public FamiliesIndex(ElasticsearchClient client, String prefix, Clock clock) {
    this.index = new AliasedIndex(client, prefix + "-families", MAPPING, clock);
  }

  public String alias() {
    return index.alias();
  }

  public long rebuild(Stream<FamilyDocument> families) throws IOException {
    return index.rebuild(families.map(FamilyDocument::document));
  }

  /** As {@link #rebuild(Stream)}, sent as the options say; returns the index now live. */
  public AliasedIndex.Built rebuild(Stream<FamilyDocument> families, AliasedIndex.Bulk options)
      throws IOException {
    return index.rebuild(families.map(FamilyDocument::document), options);
  }

  /** The index behind the alias, for what every FamilyView index shares (versions, counts). */
  public AliasedIndex index() {
    return index;
  }

  /** Replaces the families a run changed and removes those it retired, in the live index. */
  public void update(Collection<FamilyDocument> changed, Collection<String> retired)
      throws IOException {
    index.apply(changed.stream().map(FamilyDocument::document).toList(), retired);
  }

  public void refresh() throws IOException {
    index.refresh();
  }

  public List<String> currentIndices() throws IOException {
    return index.currentIndices();
  }
}

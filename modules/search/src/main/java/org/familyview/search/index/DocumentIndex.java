package org.familyview.search.index;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the people, families and events indices share: one {@link AliasedIndex} filled with one kind
 * of document, rebuilt whole and swapped in, or updated in place by a run.
 *
 * @param <D> the document a subclass indexes, turned into the index's {@link AliasedIndex.Document}
 */
public abstract class DocumentIndex<D> {

  private final AliasedIndex index;
  private final Function<D, AliasedIndex.Document> toDocument;

  protected DocumentIndex(AliasedIndex index, Function<D, AliasedIndex.Document> toDocument) {
    this.index = index;
    this.toDocument = toDocument;
  }

  public String alias() {
    return index.alias();
  }

  /** Builds a new index from every document, swaps it in, and removes the indices it replaced. */
  public long rebuild(Stream<D> documents) throws IOException {
    return index.rebuild(documents.map(toDocument));
  }

  /** As {@link #rebuild(Stream)}, sent as the options say; returns the index now live. */
  public AliasedIndex.Built rebuild(Stream<D> documents, AliasedIndex.Bulk options)
      throws IOException {
    return index.rebuild(documents.map(toDocument), options);
  }

  /**
   * Replaces the documents a run changed and removes those that went (by document id), in bulk, in
   * the live index.
   */
  public void update(Collection<D> changed, Collection<String> removed) throws IOException {
    index.apply(changed.stream().map(toDocument).toList(), removed);
  }

  /** The index behind the alias, for what every FamilyView index shares (versions, counts). */
  public AliasedIndex index() {
    return index;
  }

  public void refresh() throws IOException {
    index.refresh();
  }

  public List<String> currentIndices() throws IOException {
    return index.currentIndices();
  }
}

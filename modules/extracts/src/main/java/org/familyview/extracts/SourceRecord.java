package org.familyview.extracts;

/** A normalised row of an extract, with its lineage and content hash. */
public sealed interface SourceRecord extends ExtractRow permits PersonRecord, EventRecord {

  PartnerId agency();

  /** The row's own id: {@code record_id} of a person, {@code event_id} of an event. */
  String id();

  /**
   * The content hash of the normalised values (not the line): equal hashes mean the record did not
   * change between two extracts, whatever the row order or the spacing and case of identifiers. 32
   * lower-case hex digits (the first 128 bits of SHA-256).
   */
  String contentHash();
}

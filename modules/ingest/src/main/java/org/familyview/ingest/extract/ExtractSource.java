package org.familyview.ingest.extract;

/** How an extract arrived. Stored by name. */
public enum ExtractSource {
  UPLOAD,
  INBOX
}

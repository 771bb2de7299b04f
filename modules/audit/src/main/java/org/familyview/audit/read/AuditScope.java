package org.familyview.audit.read;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whose entries an auditor reads: every entry (one authority, or no authorities configured), or the
 * entries of one authority's staff. An entry names the authority its actor worked for when it was
 * written ({@code audit_entry_authority}); one that names none (written before authorities, or by a
 * job or a partner's uploader) counts as {@code unrecordedAs}'s, the authority that an upgraded
 * single-authority deployment's history and unplaced families belong to.
 *
 * @param authority the authority whose staff's entries are read; null for every entry
 * @param unrecordedAs the authority an entry naming none counts as
 */
public record AuditScope(@Nullable String authority, @Nullable String unrecordedAs) {

  /** Every entry of the trail. */
  public static final AuditScope EVERYTHING = new AuditScope(null, null);

  /** No entry: an auditor whose account names no configured authority. */
  public static final AuditScope NOTHING = new AuditScope("", null);

  public static AuditScope of(String authority, String unrecordedAs) {
    return new AuditScope(authority, unrecordedAs);
  }

  public boolean everything() {
    return authority == null;
  }

  /**
   * The condition on the entry aliased {@code entry}, to append to a where clause; with {@link
   * #parameters()}, which come in its order.
   */
  public String condition(String entry) {
    if (everything()) {
      return "";
    }
    return " and coalesce((select a.authority from audit_entry_authority a where a.seq = "
        + entry
        + ".seq), ?) = ?";
  }

  public List<Object> parameters() {
    if (everything()) {
      return List.of();
    }
    // An empty string names no authority (ids are lower-case letters, digits and hyphens).
    return List.of(unrecordedAs == null ? "" : unrecordedAs, authority);
  }
}

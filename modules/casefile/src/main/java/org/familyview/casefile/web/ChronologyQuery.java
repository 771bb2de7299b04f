package org.familyview.casefile.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A chronology's filters as the query string gives them, bound by both doors (page and API) so that
 * the five parameters are declared once. A person has no members to filter by, so {@code member} is
 * read for families only, as before.
 */
record ChronologyQuery(
    @Nullable List<String> agency,
    @Nullable List<String> type,
    @Nullable String from,
    @Nullable String to,
    @Nullable List<String> member) {

  /**
   * @param partners the configured partners' codes, which an {@code agency} filter may name
   */
  Filters.Parsed parse(CaseReads.Kind kind, List<String> partners) {
    return Filters.parse(
        agency, type, from, to, kind == CaseReads.Kind.FAMILY ? member : null, partners);
  }
}

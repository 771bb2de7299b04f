package org.familyview.ingest.extract;

import org.jspecify.annotations.Nullable;

/**
 * One reject or warning as the partner sees it.
 *
 * @param line the physical line where the row starts (the header is line 1); 0 for the whole file
 */
public record Feedback(
    String file, long line, @Nullable String field, String code, String reason) {}

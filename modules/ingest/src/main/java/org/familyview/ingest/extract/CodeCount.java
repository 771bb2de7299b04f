package org.familyview.ingest.extract;

import org.jspecify.annotations.Nullable;

/** How often one kind of problem occurred, for the scorecard. */
public record CodeCount(String code, @Nullable String field, long count) {}

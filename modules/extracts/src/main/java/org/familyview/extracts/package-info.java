/**
 * Extracts owns the extract contract as code: reading an agency's nightly {@code persons.csv} and
 * {@code events.csv} as a stream of row outcomes (accepted with warnings, or rejected with a reason
 * and the physical line), rejecting structurally broken files whole before any row, the agencies'
 * event vocabularies, and the content hash that decides whether a record changed. Plain Java; the
 * Spring Batch load builds on {@link org.familyview.extracts.ExtractReader}.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.extracts;

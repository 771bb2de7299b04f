/**
 * Ingest owns the delivery of partner agencies' nightly extracts: the upload API and the drop
 * folders that receive them, the Spring Batch load that stages, quarantines and applies them as a
 * snapshot, and the feedback pages that tell each partner what was wrong with its file.
 */
@NullMarked
package org.familyview.ingest;

import org.jspecify.annotations.NullMarked;

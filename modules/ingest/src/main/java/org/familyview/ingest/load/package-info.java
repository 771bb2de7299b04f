/**
 * The Spring Batch load of one extract: inspect both files and reject a broken one whole, stage the
 * accepted rows and quarantine the rejected ones chunk by chunk (restartable from the last
 * committed chunk), then apply the snapshot to the agency's source records in one transaction. Also
 * the per-agency queue that runs loads and resumes the ones a stopped application left.
 */
@NullMarked
package org.familyview.ingest.load;

import org.jspecify.annotations.NullMarked;

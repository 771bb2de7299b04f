/**
 * The nightly pipeline (Spring Batch): matching, clustering, families, criteria and indexing over
 * the loaded extracts, with its API and runs page.
 */
@NullMarked
package org.familyview.pipeline;

import org.jspecify.annotations.NullMarked;

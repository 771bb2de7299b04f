/**
 * The pipeline's clustering step: people from the matching step's pairs and the stewards'
 * decisions, with stable person ids, link history, lineage of merges and splits, and review tasks
 * for what a steward must decide, all written through {@code org.familyview.linkage}.
 */
@NullMarked
package org.familyview.pipeline.clustering;

import org.jspecify.annotations.NullMarked;

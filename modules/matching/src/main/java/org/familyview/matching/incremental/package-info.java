/**
 * Keeps a linked population in memory and re-links only what changed, with stable person ids and
 * lineage.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.matching.incremental;

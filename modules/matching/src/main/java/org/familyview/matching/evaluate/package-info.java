/**
 * Measures linkage quality against labelled truth: pairwise and B-cubed precision, recall and F1,
 * and blocking recall.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.matching.evaluate;

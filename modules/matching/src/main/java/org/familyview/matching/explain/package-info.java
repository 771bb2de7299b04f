/** Explains a pair's score as a waterfall of contributions, kept with the model version. */
@org.jspecify.annotations.NullMarked
package org.familyview.matching.explain;

/**
 * The pipeline's matching step: every current source record through the matcher with the stored
 * model (trained on the first run or when a run asks for it) and the stewards' decisions as hard
 * constraints; its pairs are kept for the clustering step.
 */
@NullMarked
package org.familyview.pipeline.matching;

import org.jspecify.annotations.NullMarked;

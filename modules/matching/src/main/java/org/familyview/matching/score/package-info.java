/**
 * Turns agreement levels into a match weight, a probability and a decision, including the decisive
 * identifier rules and cannot-links.
 */
@org.jspecify.annotations.NullMarked
package org.familyview.matching.score;

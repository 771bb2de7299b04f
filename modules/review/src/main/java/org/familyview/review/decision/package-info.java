/**
 * Stewards' decisions: MATCH and NO_MATCH on tasks, split, merge and unmerge of people, written as
 * the hard constraints every later nightly run obeys, applied to the people at once, and held for a
 * second steward's approval (four eyes) where a child or police-held records are involved.
 */
@NullMarked
package org.familyview.review.decision;

import org.jspecify.annotations.NullMarked;

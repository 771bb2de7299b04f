/**
 * The steward's queue and what a task shows: the records side by side, the waterfall of the match
 * weight, the candidate people and their families.
 */
@NullMarked
package org.familyview.review.task;

import org.jspecify.annotations.NullMarked;

/**
 * Blast radius: what a wrong link exposed, to whom, between its creation and its undoing, from the
 * link history and the audit trail.
 */
@NullMarked
package org.familyview.review.radius;

import org.jspecify.annotations.NullMarked;

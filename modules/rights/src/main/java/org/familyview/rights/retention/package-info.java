/**
 * Retention erasure: source records kept past their feed's retention period are erased with
 * everything derived from them (links, families, reviews, the people index, staged and problem
 * rows), on a schedule or on an administrator's request, and each erasure is audited by id only.
 */
@NullMarked
package org.familyview.rights.retention;

import org.jspecify.annotations.NullMarked;

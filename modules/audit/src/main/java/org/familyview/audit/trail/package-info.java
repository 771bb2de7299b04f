/**
 * Recording entries: what happened, who did it, and the hash that chains each entry to the one
 * before.
 */
@NullMarked
package org.familyview.audit.trail;

import org.jspecify.annotations.NullMarked;

/**
 * The audit trail: every read of a person or family, every upload, run, decision and break-glass,
 * recorded append-only in a hash chain that can be verified end to end.
 */
@NullMarked
package org.familyview.audit;

import org.jspecify.annotations.NullMarked;

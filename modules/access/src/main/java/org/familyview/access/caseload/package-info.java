/**
 * Caseloads and break-glass: which families a keyworker works with, assigned by a safeguarding lead
 * with dates, and the recorded, time-limited, audited exceptions outside them.
 */
@NullMarked
package org.familyview.access.caseload;

import org.jspecify.annotations.NullMarked;

/** What a keyworker reads: search, the person and family views, the consolidated chronology with provenance and coverage, and its PDF export. */
@NullMarked
package org.familyview.casefile;

import org.jspecify.annotations.NullMarked;

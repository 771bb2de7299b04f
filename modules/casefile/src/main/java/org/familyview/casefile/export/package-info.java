/** A chronology as a PDF for a case conference, with provenance footnotes and who exported it. */
@NullMarked
package org.familyview.casefile.export;

import org.jspecify.annotations.NullMarked;

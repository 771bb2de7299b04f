/**
 * The families index: one document per live family, found by a member's name (fuzzy or phonetic), a
 * family name, a postcode or district where members live, or a member's person id.
 */
@NullMarked
package org.familyview.search.families;

import org.jspecify.annotations.NullMarked;

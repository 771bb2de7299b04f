/** What every FamilyView index shares: built whole under a fresh name and swapped in by alias. */
@NullMarked
package org.familyview.search.index;

import org.jspecify.annotations.NullMarked;

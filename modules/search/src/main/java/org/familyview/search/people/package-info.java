/**
 * The people index: its mapping, rebuilds swapped in by alias so users never search a half-built
 * index, incremental updates of changed people, and the search that keyworkers use.
 */
@NullMarked
package org.familyview.search.people;

import org.jspecify.annotations.NullMarked;

/**
 * The pipeline's indexing step: the people index rebuilt from the people tables, swapped in by
 * alias.
 */
@NullMarked
package org.familyview.pipeline.indexing;

import org.jspecify.annotations.NullMarked;

/**
 * The pipeline's indexing step: the people, families and events indices rebuilt from PostgreSQL,
 * each swapped in by alias.
 */
@NullMarked
package org.familyview.pipeline.indexing;

import org.jspecify.annotations.NullMarked;

/**
 * The PostgreSQL schema, owned by Flyway (migrations under {@code db/migration}), and the data
 * access that other modules share. Nothing outside this module creates or alters a table.
 */
@NullMarked
package org.familyview.store;

import org.jspecify.annotations.NullMarked;

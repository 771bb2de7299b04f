/**
 * The schema module: the PostgreSQL schema as Flyway migrations under {@code db/migration}, and
 * nothing else. It holds no data access; each module writes its own SQL against the tables it owns
 * (docs/architecture.md names the owner of every table), and other modules depend on this one at
 * runtime scope only, to have the schema migrated. Nothing outside this module creates or alters a
 * table.
 */
@NullMarked
package org.familyview.store;

import org.jspecify.annotations.NullMarked;

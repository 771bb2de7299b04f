/**
 * The schema module: the PostgreSQL schema as Flyway migrations under {@code db/migration}, and one
 * class over Spring Batch's job repository ({@code store.batch}), shared by ingest and the
 * pipeline. It holds no other data access; each module writes its own SQL against the tables it
 * owns (docs/architecture.md names the owner of every table), and other modules depend on this one
 * at runtime scope, to have the schema migrated. Nothing outside this module creates or alters a
 * table.
 */
@NullMarked
package org.familyview.store;

import org.jspecify.annotations.NullMarked;

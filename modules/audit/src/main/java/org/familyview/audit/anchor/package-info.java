/**
 * The chain's head anchored outside the database: an append-only file of (schema, newest entry,
 * entry count, head MAC) lines, each line MACed with the audit key, written at start, at least
 * daily and at every shutdown, so that {@code audit verify} detects entries removed from the end.
 */
@NullMarked
package org.familyview.audit.anchor;

import org.jspecify.annotations.NullMarked;

/**
 * The drop folders partners push extracts to by SFTP, one per agency: polled on a schedule, a
 * complete and settled {@code persons.csv} (with {@code events.csv} if present) becomes an extract,
 * and the files are moved aside to {@code processed/}; the poller never deletes them (the delivered
 * files sweep does, once their extract's load is past its keeping period).
 */
@NullMarked
package org.familyview.ingest.inbox;

import org.jspecify.annotations.NullMarked;

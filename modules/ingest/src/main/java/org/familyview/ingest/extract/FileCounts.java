package org.familyview.ingest.extract;

/**
 * What the load made of one file of an extract. {@code read} is every data row; {@code accepted}
 * and {@code rejected} split it; {@code warnings} counts flagged values; the last four are the
 * snapshot comparison of the accepted rows against the agency's previous current records.
 */
public record FileCounts(
    long read,
    long accepted,
    long rejected,
    long warnings,
    long newRecords,
    long changed,
    long unchanged,
    long noLongerCurrent) {}

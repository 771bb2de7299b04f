package org.familyview.ingest.extract;

/** How many accepted persons of an extract carry each identifier, for the scorecard. */
public record IdentifierCoverage(
    long persons, long dateOfBirth, long postcode, long nhsNumber, long upn, long pncId) {}

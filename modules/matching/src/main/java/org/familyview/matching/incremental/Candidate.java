package org.familyview.matching.incremental;

import org.familyview.matching.RecordKey;
import org.familyview.matching.score.LinkDecision;

/** A person a record might be, with the best-scoring of that person's records. */
public record Candidate(
    String personId,
    RecordKey bestRecord,
    double matchWeight,
    double matchProbability,
    LinkDecision decision) {}

package org.familyview.search.people;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One search result: enough to recognise the person, and no more. */
public record PersonHit(
    String personId,
    String name,
    @Nullable LocalDate dateOfBirth,
    @Nullable Integer age,
    @Nullable String postcodeDistrict,
    @Nullable String familyId,
    List<String> agencies,
    double score) {}

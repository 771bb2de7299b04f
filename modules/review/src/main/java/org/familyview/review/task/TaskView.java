package org.familyview.review.task;

import java.time.LocalDate;
import java.util.List;
import org.familyview.linkage.ReviewTask;
import org.jspecify.annotations.Nullable;

/**
 * Everything a steward needs to decide a task: its records side by side, field by field with a flag
 * where they differ, the waterfall of the match weight, the other record pairs the nightly run
 * found between the same two people (a possible match is one task per pair of people, named by its
 * strongest pair), every record of each candidate person, and the families those people are in.
 * Record data only: no events, no chronology.
 */
public record TaskView(
    ReviewTask task,
    List<Column> columns,
    List<FieldRow> fields,
    @Nullable Waterfall waterfall,
    String waterfallNote,
    List<OtherPair> otherPairs,
    List<Candidate> candidates,
    List<Family> families) {

  /**
   * Another review pair between the task's two people, weaker than (or as strong as) the task's
   * own: evidence beside it. A decision still acts on the task's two records.
   */
  public record OtherPair(
      String leftAgency,
      String leftRecordId,
      String rightAgency,
      String rightRecordId,
      double matchWeight,
      double matchProbability) {}

  /** One record of the task, a column of the side-by-side table. */
  public record Column(String agency, String recordId, @Nullable String personId, boolean found) {}

  /** One field across the task's records; {@code differs} when two given values disagree. */
  public record FieldRow(
      String field, String label, List<@Nullable String> values, boolean differs) {}

  /** A person the task's records belong to, with all of its records. */
  public record Candidate(String personId, boolean retired, List<CandidateRecord> records) {}

  public record CandidateRecord(
      String agency,
      String recordId,
      @Nullable String givenName,
      @Nullable String familyName,
      @Nullable LocalDate dateOfBirth,
      @Nullable String sex,
      @Nullable String postcode,
      String linkType,
      @Nullable String linkedTo,
      @Nullable Double matchProbability,
      boolean inTask) {}

  public record Family(
      String familyId, List<Families.FamilyMember> members, List<Families.Household> households) {}
}

package org.familyview.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.familyview.linkage.ReviewTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A keyworker's "not my client": the records they believe were linked into the wrong person go to
 * the data steward's queue as a {@code DISPUTE} review task. The same keyworker disputing the same
 * records again while the task is open does not raise a second one.
 */
@Component
public class Disputes {

  public record DisputedRecord(String agency, String recordId) {}

  public sealed interface Outcome {
    record Raised(UUID taskId) implements Outcome {}

    record AlreadyOpen() implements Outcome {}

    /** A record named is not one of the person's: nothing is raised. */
    record NotThisPersonsRecord(String agency, String recordId) implements Outcome {}
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ReviewTasks tasks;
  private final CasefileProperties properties;
  private final Clock clock;

  @Autowired
  public Disputes(ReviewTasks tasks, CasefileProperties properties) {
    this(tasks, properties, Clock.systemUTC());
  }

  Disputes(ReviewTasks tasks, CasefileProperties properties, Clock clock) {
    this.tasks = tasks;
    this.properties = properties;
    this.clock = clock;
  }

  public Outcome raise(
      Casefiles.PersonCase person,
      List<DisputedRecord> disputed,
      String reason,
      String raisedBy,
      List<String> familyIds) {
    List<Map<String, String>> records = new ArrayList<>();
    TreeSet<String> agencies = new TreeSet<>();
    for (DisputedRecord d : disputed) {
      String agency = Agencies.code(d.agency());
      boolean theirs =
          person.records().stream()
              .anyMatch(r -> r.agency().equals(agency) && r.recordId().equals(d.recordId()));
      if (!theirs) {
        return new Outcome.NotThisPersonsRecord(agency, d.recordId());
      }
      Map<String, String> record = new LinkedHashMap<>();
      record.put("agency", Agencies.stored(agency));
      record.put("recordId", d.recordId());
      records.add(record);
      agencies.add(Agencies.stored(agency));
    }
    LocalDate dob = person.dateOfBirth();
    boolean child = dob != null && dob.plusYears(18).isAfter(LocalDate.now(clock));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", reason);
    detail.put("raisedBy", raisedBy);
    detail.put("personId", person.id());
    String dedupeKey = dedupeKey(raisedBy, person.id(), records);
    int priority = child ? properties.disputePriority() * 2 : properties.disputePriority();
    ReviewTasks.DisputeTask task =
        new ReviewTasks.DisputeTask(
            priority,
            child,
            agencies.stream().anyMatch(tasks::isPolice),
            JSON.writeValueAsString(records),
            person.id(),
            familyIds.isEmpty() ? null : familyIds.getFirst(),
            agencies.toArray(String[]::new),
            JSON.writeValueAsString(detail),
            dedupeKey,
            raisedBy);
    return tasks
        .raiseDispute(task, clock.instant())
        .<Outcome>map(Outcome.Raised::new)
        .orElseGet(Outcome.AlreadyOpen::new);
  }

  /** One open dispute per person, keyworker and set of records: asking twice raises nothing. */
  private static String dedupeKey(
      String raisedBy, String personId, List<Map<String, String>> records) {
    return "DISPUTE:"
        + raisedBy
        + ":"
        + personId
        + ":"
        + records.stream()
            .map(r -> r.get("agency") + "/" + r.get("recordId"))
            .sorted()
            .reduce((a, b) -> a + "," + b)
            .orElse("");
  }
}

package org.familyview.review.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.familyview.linkage.PersonLinks;
import org.familyview.linkage.ReviewTask;
import org.familyview.linkage.ReviewTasks;
import org.familyview.matching.Matcher;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.RecordKey;
import org.familyview.matching.estimate.ModelParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Assembles a {@link TaskView} from the task, the source records, the people and families. */
@Component("workbench.taskViews")
public class TaskViews {

  private final ReviewTasks tasks;
  private final SourceRecords sources;
  private final PersonLinks people;
  private final Families families;
  private final ObjectProvider<MatchModelSource> models;
  private final Matcher matcher;

  public TaskViews(
      ReviewTasks tasks,
      SourceRecords sources,
      PersonLinks people,
      Families families,
      ObjectProvider<MatchModelSource> models,
      MatchingConfig config) {
    this.matcher = Matcher.of(config);
    this.tasks = tasks;
    this.sources = sources;
    this.people = people;
    this.families = families;
    this.models = models;
  }

  public Optional<TaskView> view(UUID id) {
    return tasks.find(id).map(this::view);
  }

  public TaskView view(ReviewTask task) {
    Map<RecordKey, SourceRecordView> records = sources.find(task.records());
    Map<RecordKey, String> personOf = people.personOf(task.records());
    List<TaskView.Column> columns =
        task.records().stream()
            .map(
                r ->
                    new TaskView.Column(
                        r.agency(), r.recordId(), personOf.get(r), records.containsKey(r)))
            .toList();
    List<SourceRecordView> ordered =
        task.records().stream().map(records::get).toList(); // null where missing
    List<TaskView.FieldRow> fields = compare(ordered);

    JsonNode detail = tasks.detail(task.id()).orElse(null);
    Waterfall waterfall = Waterfall.fromDetail(detail);
    String note;
    if (waterfall != null) {
      note = "Kept by the nightly run that raised this task.";
    } else if (!task.isPair()) {
      note = "This task is not about one pair of records, so there is no single match weight.";
    } else if (records.size() < 2) {
      note = "A record of this task is no longer held, so the weight cannot be recomputed.";
    } else {
      waterfall =
          recompute(task, records.get(task.records().get(0)), records.get(task.records().get(1)));
      note =
          waterfall == null
              ? "No matching model is available to recompute the weight."
              : "Recomputed from today's records with model "
                  + waterfall.modelVersion()
                  + " (no term-frequency adjustments).";
    }

    Set<String> personIds = new LinkedHashSet<>(personOf.values());
    personIds.addAll(task.personIds());
    List<TaskView.Candidate> candidates = candidates(personIds, Set.copyOf(task.records()));
    List<TaskView.Family> families = families(personIds);
    return new TaskView(
        task, columns, fields, waterfall, note, otherPairs(detail), candidates, families);
  }

  /**
   * The other record pairs a possible-match task's detail lists ({@code otherPairs}: left and right
   * as agency and record id, match weight and probability), strongest first as the run wrote them;
   * none for other tasks or older ones. An entry missing a record or a weight is left out.
   */
  static List<TaskView.OtherPair> otherPairs(@Nullable JsonNode detail) {
    List<TaskView.OtherPair> pairs = new ArrayList<>();
    JsonNode others = detail == null ? null : detail.get("otherPairs");
    if (others == null || !others.isArray()) {
      return pairs;
    }
    for (JsonNode o : others) {
      JsonNode left = o.get("left");
      JsonNode right = o.get("right");
      if (!isRecord(left)
          || !isRecord(right)
          || !o.path("matchWeight").isNumber()
          || !o.path("matchProbability").isNumber()) {
        continue;
      }
      pairs.add(
          new TaskView.OtherPair(
              left.get("agency").asString(),
              left.get("recordId").asString(),
              right.get("agency").asString(),
              right.get("recordId").asString(),
              o.get("matchWeight").asDouble(),
              o.get("matchProbability").asDouble()));
    }
    return pairs;
  }

  private static boolean isRecord(@Nullable JsonNode node) {
    return node != null && node.hasNonNull("agency") && node.hasNonNull("recordId");
  }

  /** The identifying fields of any records side by side (also used for persons). */
  public static List<TaskView.FieldRow> compare(List<@Nullable SourceRecordView> records) {
    List<TaskView.FieldRow> rows = new ArrayList<>();
    for (Map.Entry<String, String> field : SourceRecordView.LABELS.entrySet()) {
      List<@Nullable String> values = new ArrayList<>();
      for (SourceRecordView r : records) {
        values.add(r == null ? null : r.field(field.getKey()));
      }
      rows.add(new TaskView.FieldRow(field.getKey(), field.getValue(), values, differs(values)));
    }
    return rows;
  }

  /**
   * Two given values that disagree once case and spacing are set aside; missing is not
   * disagreement.
   */
  static boolean differs(List<@Nullable String> values) {
    return values.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(v -> v.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet())
            .size()
        > 1;
  }

  private @Nullable Waterfall recompute(
      ReviewTask task, SourceRecordView left, SourceRecordView right) {
    MatchModelSource source = models.getIfAvailable();
    if (source == null) {
      return null;
    }
    Optional<ModelParameters> model = source.model(task.modelVersion());
    if (model.isEmpty()) {
      return null;
    }
    return Waterfall.of(
        matcher.explain(left.toSourceRecord(), right.toSourceRecord(), model.get()),
        "recomputed",
        null);
  }

  private List<TaskView.Candidate> candidates(Set<String> personIds, Set<RecordKey> inTask) {
    List<TaskView.Candidate> candidates = new ArrayList<>();
    for (String personId : personIds) {
      List<PersonLinks.Membership> members = people.members(personId);
      Map<RecordKey, SourceRecordView> records =
          sources.find(members.stream().map(PersonLinks.Membership::record).toList());
      List<TaskView.CandidateRecord> rows = new ArrayList<>();
      for (PersonLinks.Membership m : members) {
        SourceRecordView r = records.get(m.record());
        rows.add(
            new TaskView.CandidateRecord(
                m.record().agency(),
                m.record().recordId(),
                r == null ? null : r.givenName(),
                r == null ? null : r.familyName(),
                r == null ? null : r.dateOfBirth(),
                r == null ? null : r.sex(),
                r == null ? null : r.postcode(),
                m.linkType(),
                m.linkedTo(),
                m.matchProbability(),
                inTask.contains(m.record())));
      }
      boolean retired = people.person(personId).map(PersonLinks.Person::retired).orElse(false);
      candidates.add(new TaskView.Candidate(personId, retired, rows));
    }
    return candidates;
  }

  private List<TaskView.Family> families(Set<String> personIds) {
    Map<String, List<Families.FamilyMember>> byFamily = new LinkedHashMap<>();
    for (Families.FamilyMember m : families.familiesOf(personIds)) {
      byFamily.computeIfAbsent(m.familyId(), f -> new ArrayList<>()).add(m);
    }
    Map<String, List<Families.Household>> households = new LinkedHashMap<>();
    for (Families.Household h : families.householdsOf(byFamily.keySet())) {
      households.computeIfAbsent(h.familyId(), f -> new ArrayList<>()).add(h);
    }
    return byFamily.entrySet().stream()
        .map(
            e ->
                new TaskView.Family(
                    e.getKey(), e.getValue(), households.getOrDefault(e.getKey(), List.of())))
        .toList();
  }
}

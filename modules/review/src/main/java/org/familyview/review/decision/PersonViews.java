package org.familyview.review.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.familyview.linkage.PersonLinks;
import org.familyview.matching.RecordKey;
import org.familyview.review.task.SourceRecordView;
import org.familyview.review.task.SourceRecords;
import org.familyview.review.task.TaskView;
import org.familyview.review.task.TaskViews;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A person as a steward works on it: its records side by side, the link that holds each, the merges
 * into it that can be undone, and the stewards' acts on it.
 */
@Component("workbench.personViews")
public class PersonViews {

  private final PersonLinks people;
  private final SourceRecords sources;
  private final ReviewDecisions decisions;

  public PersonViews(PersonLinks people, SourceRecords sources, ReviewDecisions decisions) {
    this.people = people;
    this.sources = sources;
    this.decisions = decisions;
  }

  public record PersonView(
      String personId,
      boolean retired,
      List<Column> columns,
      List<TaskView.FieldRow> fields,
      List<String> undoableMerges,
      List<StewardDecision> decisions) {}

  /** One record of the person and the link that holds it there. */
  public record Column(
      String agency,
      String recordId,
      String linkType,
      @Nullable String linkedTo,
      @Nullable Double matchProbability,
      @Nullable String reason) {}

  public Optional<PersonView> view(String personId) {
    return people
        .person(personId)
        .map(
            person -> {
              List<PersonLinks.Membership> members = people.members(personId);
              List<RecordKey> refs = members.stream().map(PersonLinks.Membership::record).toList();
              Map<RecordKey, SourceRecordView> records = sources.find(refs);
              List<@Nullable SourceRecordView> ordered = new ArrayList<>();
              refs.forEach(r -> ordered.add(records.get(r)));
              List<Column> columns =
                  members.stream()
                      .map(
                          m ->
                              new Column(
                                  m.record().agency(),
                                  m.record().recordId(),
                                  m.linkType(),
                                  m.linkedTo(),
                                  m.matchProbability(),
                                  m.reason()))
                      .toList();
              return new PersonView(
                  personId,
                  person.retired(),
                  columns,
                  TaskViews.compare(ordered),
                  people.undoableMerges(personId),
                  decisions.about(null, personId));
            });
  }
}

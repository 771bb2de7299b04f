package org.familyview.review.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.familyview.review.RecordRef;
import org.familyview.review.task.People;
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

  private final People people;
  private final SourceRecords sources;
  private final PersonLinks links;
  private final ReviewDecisions decisions;

  public PersonViews(
      People people, SourceRecords sources, PersonLinks links, ReviewDecisions decisions) {
    this.people = people;
    this.sources = sources;
    this.links = links;
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
              List<People.Membership> members = people.members(personId);
              List<RecordRef> refs = members.stream().map(People.Membership::record).toList();
              Map<RecordRef, SourceRecordView> records = sources.find(refs);
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
                  links.undoableMerges(personId),
                  decisions.about(null, personId));
            });
  }
}

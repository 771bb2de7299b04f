package org.familyview.matching.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyview.linktool.SyntheticPopulation;
import org.familyview.matching.Constraints;
import org.familyview.matching.Linker;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.Progress;
import org.familyview.matching.RecordKey;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.score.LinkDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncrementalMatcherTests {

  private final Linker linker = new Linker(MatchingConfig.standard());
  private SyntheticPopulation population;
  private IncrementalMatcher matcher;

  @BeforeEach
  void linkAPopulation() {
    population = SyntheticPopulation.generate(99, 1.0, 3000);
    matcher =
        IncrementalMatcher.start(
            linker, population.records(), null, Constraints.NONE, Progress.SILENT);
  }

  private static SourceRecord copy(SourceRecord r, String agency, String id) {
    return r.toBuilder(agency, id).household(null).build();
  }

  private static SourceRecord withPhone(SourceRecord r, String phone) {
    return r.toBuilder().phone(phone).build();
  }

  @Test
  void personIdsStayStableAcrossTwoIncrementalRuns() {
    Map<RecordKey, String> before = matcher.personIds();

    List<SourceRecord> firstNight = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      firstNight.add(withPhone(population.records().get(i * 50), "0770090" + (1000 + i)));
    }
    matcher.apply(firstNight, List.of());
    Map<RecordKey, String> afterFirst = matcher.personIds();

    List<SourceRecord> secondNight = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      secondNight.add(withPhone(population.records().get(i * 50 + 7), "0770091" + (1000 + i)));
    }
    matcher.apply(secondNight, List.of());
    Map<RecordKey, String> afterSecond = matcher.personIds();

    assertThat(changedIds(before, afterFirst)).isLessThan(before.size() / 200);
    assertThat(changedIds(afterFirst, afterSecond)).isLessThan(before.size() / 200);
  }

  private static long changedIds(Map<RecordKey, String> a, Map<RecordKey, String> b) {
    return a.entrySet().stream().filter(e -> !e.getValue().equals(b.get(e.getKey()))).count();
  }

  @Test
  void aNewCopyOfAKnownRecordJoinsThatPersonWithoutNewIds() {
    SourceRecord known = population.records().get(10);
    String person = matcher.personId(known.key());
    IncrementalRun run = matcher.apply(List.of(copy(known, "council", "NEW-1")), List.of());
    assertThat(matcher.personId(new RecordKey("council", "NEW-1"))).isEqualTo(person);
    assertThat(run.lineage()).noneMatch(e -> e instanceof LineageEvent.PersonsMerged);
  }

  @Test
  void aRecordThatBecomesSomeoneElseMergesOrSplitsWithLineage() {
    SourceRecord a = population.records().get(0);
    SourceRecord b = findRecordOfAnotherPerson(a);
    String personA = matcher.personId(a.key());
    String personB = matcher.personId(b.key());
    SourceRecord bBecomesA = copy(a, b.agency(), b.recordId());

    IncrementalRun run = matcher.apply(List.of(bBecomesA), List.of());

    assertThat(matcher.personId(b.key())).isEqualTo(personA);
    assertThat(run.lineage())
        .anySatisfy(
            e -> {
              if (e instanceof LineageEvent.PersonsMerged m) {
                assertThat(m.into()).isEqualTo(personA);
                assertThat(m.from()).contains(personB);
              } else if (e instanceof LineageEvent.PersonSplit s) {
                assertThat(s.from()).isEqualTo(personB);
              } else {
                throw new AssertionError("unexpected " + e);
              }
            });
  }

  private SourceRecord findRecordOfAnotherPerson(SourceRecord a) {
    String truthA = population.truth().get(a.key());
    return population.records().stream()
        .filter(r -> !population.truth().get(r.key()).equals(truthA))
        .filter(r -> !matcher.personId(r.key()).equals(matcher.personId(a.key())))
        .filter(r -> r.nhsNumber() == null || r.nhsNumber().isEmpty())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void withdrawingEveryRecordOfAPersonRetiresTheId() {
    Map<String, List<RecordKey>> byPerson = new HashMap<>();
    matcher
        .personIds()
        .forEach((k, p) -> byPerson.computeIfAbsent(p, x -> new ArrayList<>()).add(k));
    String person = byPerson.keySet().stream().sorted().findFirst().orElseThrow();
    IncrementalRun run = matcher.apply(List.of(), byPerson.get(person));
    assertThat(run.lineage()).contains(new LineageEvent.PersonRetired(person));
    assertThat(matcher.personIds()).doesNotContainValue(person);
  }

  @Test
  void matchesOneRecordAgainstEveryoneWithoutChangingAnything() {
    SourceRecord known = population.records().get(25);
    Map<RecordKey, String> before = matcher.personIds();
    List<Candidate> candidates = matcher.matchOne(copy(known, "front-desk", "Q1"), 3);
    assertThat(candidates).isNotEmpty();
    assertThat(candidates.getFirst().personId()).isEqualTo(matcher.personId(known.key()));
    assertThat(candidates.getFirst().decision()).isEqualTo(LinkDecision.LINK);
    assertThat(matcher.personIds()).isEqualTo(before);
  }
}

package org.familyview.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReviewQueueTests {

  private static final Function<ReviewQueue.Pair, ReviewQueue.Pair> SELF = p -> p;

  private static RecordKey r(String agency, String id) {
    return new RecordKey(agency, id);
  }

  private static ReviewQueue.Pair pair(RecordKey a, RecordKey b, double weight) {
    return new ReviewQueue.Pair(a, b, weight);
  }

  // Person P1 holds health/1 and police/1; P2 holds council/2 and education/2; P3 holds health/3.
  private static final Map<RecordKey, String> PEOPLE =
      Map.of(
          r("HEALTH", "1"), "P1",
          r("POLICE", "1"), "P1",
          r("COUNCIL", "2"), "P2",
          r("EDUCATION", "2"), "P2",
          r("HEALTH", "3"), "P3");

  @Test
  void pairsBetweenTheSameTwoPeopleAreOneTaskRepresentedByTheStrongest() {
    ReviewQueue.Pair weak = pair(r("HEALTH", "1"), r("COUNCIL", "2"), 2.0);
    ReviewQueue.Pair strong = pair(r("EDUCATION", "2"), r("POLICE", "1"), 6.5);
    ReviewQueue.Pair middle = pair(r("POLICE", "1"), r("COUNCIL", "2"), 4.0);

    ReviewQueue<ReviewQueue.Pair> queue =
        ReviewQueue.group(List.of(weak, strong, middle), SELF, PEOPLE::get);

    assertThat(queue.tasks()).hasSize(1);
    ReviewQueue.Task<ReviewQueue.Pair> task = queue.tasks().get(0);
    assertThat(task.lowPerson()).isEqualTo("P1");
    assertThat(task.highPerson()).isEqualTo("P2");
    assertThat(task.strongest()).isEqualTo(strong);
    assertThat(task.others()).containsExactly(middle, weak);
    assertThat(task.pairCount()).isEqualTo(3);
    assertThat(queue.withinOnePerson()).isZero();
  }

  @Test
  void aPairWhoseRecordsAreInOnePersonIsNoTaskButIsCounted() {
    ReviewQueue.Pair inside = pair(r("HEALTH", "1"), r("POLICE", "1"), 5.0);
    ReviewQueue.Pair between = pair(r("HEALTH", "3"), r("COUNCIL", "2"), 3.0);

    ReviewQueue<ReviewQueue.Pair> queue =
        ReviewQueue.group(List.of(inside, between), SELF, PEOPLE::get);

    assertThat(queue.withinOnePerson()).isEqualTo(1);
    assertThat(queue.tasks()).extracting(ReviewQueue.Task::strongest).containsExactly(between);
    assertThat(queue.tasks().get(0).others()).isEmpty();
  }

  @Test
  void differentPairsOfPeopleAreDifferentTasksStrongestFirst() {
    ReviewQueue.Pair p1p2 = pair(r("HEALTH", "1"), r("COUNCIL", "2"), 2.0);
    ReviewQueue.Pair p1p3 = pair(r("HEALTH", "3"), r("POLICE", "1"), 7.0);
    ReviewQueue.Pair p2p3 = pair(r("EDUCATION", "2"), r("HEALTH", "3"), 4.0);

    ReviewQueue<ReviewQueue.Pair> queue =
        ReviewQueue.group(List.of(p1p2, p1p3, p2p3), SELF, PEOPLE::get);

    assertThat(queue.tasks())
        .extracting(ReviewQueue.Task::strongest)
        .containsExactly(p1p3, p2p3, p1p2);
    assertThat(queue.tasks())
        .extracting(t -> t.lowPerson() + "-" + t.highPerson())
        .containsExactly("P1-P3", "P2-P3", "P1-P2");
  }

  @Test
  void equalWeightsAreBrokenByRecordKeysWhicheverWayRoundThePairIsGiven() {
    ReviewQueue.Pair byCouncil = pair(r("POLICE", "1"), r("COUNCIL", "2"), 3.0);
    ReviewQueue.Pair byEducation = pair(r("EDUCATION", "2"), r("HEALTH", "1"), 3.0);

    for (List<ReviewQueue.Pair> order :
        List.of(List.of(byCouncil, byEducation), List.of(byEducation, byCouncil))) {
      ReviewQueue.Task<ReviewQueue.Pair> task =
          ReviewQueue.group(order, SELF, PEOPLE::get).tasks().get(0);
      // COUNCIL/2 is the lowest record key of either pair
      assertThat(task.strongest()).isEqualTo(byCouncil);
      assertThat(task.others()).containsExactly(byEducation);
    }
  }

  @Test
  void theQueueIsTheSameWhateverOrderThePairsArriveIn() {
    List<ReviewQueue.Pair> pairs = new ArrayList<>();
    Map<RecordKey, String> people = new java.util.HashMap<>();
    for (int i = 0; i < 60; i++) {
      people.put(r("A", "" + i), "P" + (i % 7));
      people.put(r("B", "" + i), "P" + (i % 5 + 3));
    }
    for (int i = 0; i < 60; i++) {
      pairs.add(pair(r("A", "" + i), r("B", "" + ((i * 7) % 60)), (i % 4) * 1.5));
    }
    ReviewQueue<ReviewQueue.Pair> first = ReviewQueue.group(pairs, SELF, people::get);
    Collections.shuffle(pairs, new Random(11));
    ReviewQueue<ReviewQueue.Pair> second = ReviewQueue.group(pairs, SELF, people::get);

    assertThat(second).isEqualTo(first);
    long grouped =
        first.tasks().stream().mapToLong(ReviewQueue.Task::pairCount).sum()
            + first.withinOnePerson();
    assertThat(grouped).as("every pair is in one task or counted inside a person").isEqualTo(60);
    assertThat(first.tasks().size()).isLessThan(60);
  }

  @Test
  void aCallerTypeIsCarriedThroughTheView() {
    record Staged(String id, RecordKey left, RecordKey right, double weight) {}
    Staged a = new Staged("a", r("HEALTH", "1"), r("COUNCIL", "2"), 1.0);
    Staged b = new Staged("b", r("POLICE", "1"), r("EDUCATION", "2"), 9.0);

    ReviewQueue<Staged> queue =
        ReviewQueue.group(
            List.of(a, b), s -> new ReviewQueue.Pair(s.left(), s.right(), s.weight()), PEOPLE::get);

    assertThat(queue.tasks().get(0).strongest()).isSameAs(b);
    assertThat(queue.tasks().get(0).others()).containsExactly(a);
  }

  @Test
  void noPairsNoTasks() {
    ReviewQueue<ReviewQueue.Pair> queue = ReviewQueue.group(List.of(), SELF, PEOPLE::get);

    assertThat(queue.tasks()).isEmpty();
    assertThat(queue.withinOnePerson()).isZero();
  }

  @Test
  void aRecordWithoutAPersonIsRefusedByName() {
    ReviewQueue.Pair unknown = pair(r("HEALTH", "1"), r("HEALTH", "99"), 3.0);

    assertThatThrownBy(() -> ReviewQueue.group(List.of(unknown), SELF, PEOPLE::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HEALTH/99");
  }
}

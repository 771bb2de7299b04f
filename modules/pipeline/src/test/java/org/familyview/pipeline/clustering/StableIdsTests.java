package org.familyview.pipeline.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyview.matching.RecordKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stable person ids, by table: tonight's clusters ({@code |} between clusters), the ids the records
 * had (record=id), the highest number issued, and the ids each cluster gets.
 */
class StableIdsTests {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          nothing changed                  ; a b | c       ; a=P0000001 b=P0000001 c=P0000002 ; 2  ; P0000001 P0000002 ; 2
          a new record joins a person      ; a b x | c     ; a=P0000001 b=P0000001 c=P0000002 ; 2  ; P0000001 P0000002 ; 2
          a new person gets a fresh id     ; a b | c | x   ; a=P0000001 b=P0000001 c=P0000002 ; 2  ; P0000001 P0000002 P0000003 ; 3
          fresh ids go beyond retired ones ; a | x         ; a=P0000001                       ; 9  ; P0000001 P0000010 ; 10
          a merge keeps the larger's id    ; a b c         ; a=P0000002 b=P0000002 c=P0000001 ; 2  ; P0000002 ; 2
          a tied merge keeps the older id  ; a b c d       ; a=P0000002 b=P0000002 c=P0000001 d=P0000001 ; 2 ; P0000001 ; 2
          a split: the larger part keeps   ; a | b c       ; a=P0000001 b=P0000001 c=P0000001 ; 1  ; P0000002 P0000001 ; 2
          a tied split: lower key keeps    ; b | a         ; a=P0000001 b=P0000001            ; 1  ; P0000002 P0000001 ; 2
          an id goes to one cluster only   ; a | b         ; a=P0000001 b=P0000001            ; 5  ; P0000001 P0000006 ; 6
          two people swap nobody           ; a c | b d     ; a=P0000001 b=P0000002 c=P0000002 d=P0000001 ; 2 ; P0000001 P0000002 ; 2
          ids issued elsewhere are kept    ; a | b         ; a=X-7 b=P0000004                 ; 4  ; X-7 P0000004 ; 4
          """)
  void eachClusterKeepsTheIdItSharesMostRecordsWith(
      String situation, String clusters, String previous, long highest, String ids, long after) {
    StableIds.Assignment assignment =
        StableIds.assign(clusters(clusters), previous(previous), highest);

    assertThat(assignment.ids()).as(situation).containsExactly(ids.trim().split("\\s+"));
    assertThat(assignment.highestIssued()).isEqualTo(after);
  }

  private static List<List<RecordKey>> clusters(String text) {
    List<List<RecordKey>> clusters = new ArrayList<>();
    for (String cluster : text.split("\\|")) {
      clusters.add(Arrays.stream(cluster.trim().split("\\s+")).map(StableIdsTests::key).toList());
    }
    return clusters;
  }

  private static Map<RecordKey, String> previous(String text) {
    Map<RecordKey, String> previous = new HashMap<>();
    for (String entry : text.trim().split("\\s+")) {
      String[] parts = entry.split("=");
      previous.put(key(parts[0]), parts[1]);
    }
    return previous;
  }

  private static RecordKey key(String id) {
    return new RecordKey("POLICE", id);
  }
}

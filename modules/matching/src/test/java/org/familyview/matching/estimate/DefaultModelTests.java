package org.familyview.matching.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.familyview.matching.Constraints;
import org.familyview.matching.Linkage;
import org.familyview.matching.Linker;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.Progress;
import org.familyview.matching.RecordKey;
import org.familyview.matching.SourceRecord;
import org.junit.jupiter.api.Test;

class DefaultModelTests {

  private static SourceRecord person(
      String agency, String id, String given, String family, String born, String sex) {
    return SourceRecord.builder(agency, id)
        .name(given, family)
        .born(born)
        .sex(sex)
        .address("12 Moorland View, Leeds")
        .postcode("LS28 1AB")
        .build();
  }

  @Test
  void aSmallFileIsLinkedWithTheShippedModelAndGetsTheRightPeople() {
    List<SourceRecord> records = new ArrayList<>();
    String[][] family = {
      {"Sarah", "1984-03-02", "F"}, {"Daniel", "1982-11-19", "M"},
      {"Amelia", "2015-06-30", "F"}, {"Oliver", "2015-06-30", "M"},
      {"Jack", "2019-01-08", "M"}
    };
    String[] agencies = {"health", "council", "education"};
    for (String agency : agencies) {
      for (String[] p : family) {
        records.add(person(agency, agency + p[0], p[0], "Hughes", p[1], p[2]));
      }
    }
    // A namesake of the father with his birthday, in another city, with nothing else in common.
    records.add(
        SourceRecord.builder("police", "P1")
            .name("Daniel", "Hughes")
            .born("1982-11-19")
            .sex("M")
            .address("4 Queen Street, Sheffield")
            .postcode("S1 2DX")
            .phone("07700 900461")
            .build());
    records.add(
        person("police", "P2", "Sarah", "Hughes", "1984-03-02", "F").toBuilder()
            .phone("07700 900462")
            .build());

    Linkage linkage =
        new Linker(MatchingConfig.standard())
            .link(records, null, Constraints.NONE, Progress.SILENT);

    assertThat(linkage.training()).as("no training on 17 records").isNull();
    assertThat(DefaultModel.isShipped(linkage.scorer().parameters())).isTrue();
    Map<RecordKey, String> ids = linkage.personIds();
    for (String[] p : family) {
      assertThat(ids.get(new RecordKey("council", "council" + p[0])))
          .as(p[0])
          .isEqualTo(ids.get(new RecordKey("health", "health" + p[0])))
          .isEqualTo(ids.get(new RecordKey("education", "education" + p[0])));
    }
    assertThat(ids.get(new RecordKey("health", "healthAmelia")))
        .as("twins")
        .isNotEqualTo(ids.get(new RecordKey("health", "healthOliver")));
    assertThat(ids.get(new RecordKey("police", "P2")))
        .isEqualTo(ids.get(new RecordKey("health", "healthSarah")));
    assertThat(ids.get(new RecordKey("police", "P1")))
        .as("the namesake in Sheffield")
        .isNotEqualTo(ids.get(new RecordKey("health", "healthDaniel")));
    assertThat(linkage.personCount()).as("five family members and the namesake").isEqualTo(6);
  }

  @Test
  void itsPriorFollowsThePopulation() {
    assertThat(DefaultModel.forPopulation(20).prior())
        .isGreaterThan(DefaultModel.forPopulation(40).prior());
    assertThat(DefaultModel.forPopulation(20).prior()).isLessThanOrEqualTo(0.5);
  }
}

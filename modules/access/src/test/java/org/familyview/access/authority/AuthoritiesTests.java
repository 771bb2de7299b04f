package org.familyview.access.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthoritiesTests {

  @TempDir Path folder;

  @Test
  void theShippedDemoConfigurationLoads() {
    Authorities authorities = Authorities.load(Path.of("../../config/authorities"), "northshire");
    assertThat(authorities.all())
        .extracting(Authority::id)
        .containsExactly("northshire", "southshire");
    assertThat(authorities.all())
        .allSatisfy(a -> assertThat(a.movedFamilyReadPeriod()).isEqualTo(Period.ofDays(90)));
  }

  @ParameterizedTest
  @CsvSource({
    "LS6 1AA, northshire",
    "ls61aa, northshire",
    "BD21 4QX, northshire",
    "WF1 2AB, southshire",
    "HX3 9ZZ, southshire",
    "LS21 1AB, southshire"
  })
  void aDistrictIsPlacedBeforeItsArea(String postcode, String authority) throws Exception {
    write("north.yaml", "id: northshire\nname: North\npostcodes: [LS, BD]\n");
    write("south.yaml", "id: southshire\nname: South\npostcodes: [WF, HX, LS21]\n");
    assertThat(Authorities.load(folder, null).covering(postcode))
        .map(Authority::id)
        .contains(authority);
  }

  @Test
  void aPostcodeNoAuthorityCoversIsPlacedNowhere() throws Exception {
    write("north.yaml", "id: northshire\nname: North\npostcodes: [LS]\n");
    assertThat(Authorities.load(folder, null).covering("ZZ99 3VZ")).isEmpty();
  }

  @Test
  void everyMistakeInEveryFileIsReportedAtOnce() throws Exception {
    write("a.yaml", "id: North Shire\npostcodes: [LS, 12X]\nmoved-family-read-period: ninety\n");
    write("b.yaml", "id: south\nname: South\npostcodes: [LS]\n");
    write("c.yaml", "id: east\nname: East\npostcodes: []\nmoved-family-read-period: P0D\n");
    write("d.yaml", "id: south\nname: South again\npostcodes: [WF]\n");
    write("e.yaml", "id: [unclosed\n");
    assertThatThrownBy(() -> Authorities.load(folder, "west"))
        .isInstanceOfSatisfying(
            AuthoritiesInvalid.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("a.yaml: id 'North Shire'"))
                    .anyMatch(p -> p.startsWith("a.yaml: name is required"))
                    .anyMatch(p -> p.startsWith("a.yaml: postcode '12X'"))
                    .anyMatch(p -> p.startsWith("a.yaml: moved-family-read-period 'ninety'"))
                    .anyMatch(p -> p.startsWith("c.yaml: moved-family-read-period must be longer"))
                    .anyMatch(p -> p.startsWith("e.yaml: not readable YAML"))
                    .anyMatch(p -> p.equals("two authorities have the id south"))
                    .anyMatch(p -> p.contains("'west', which is not a configured authority")));
  }

  @Test
  void aPostcodeClaimedTwiceIsAMistake() throws Exception {
    write("a.yaml", "id: north\nname: North\npostcodes: [LS]\n");
    write("b.yaml", "id: south\nname: South\npostcodes: [ls]\n");
    assertThatThrownBy(() -> Authorities.load(folder, null))
        .hasMessageContaining("postcode LS is claimed by both north and south");
  }

  @Test
  void withoutTheFolderTheDeploymentIsOneAuthorityCoveringEveryPostcode() {
    Authorities authorities = Authorities.load(folder.resolve("absent"), null);
    assertThat(authorities.isSingle()).isTrue();
    assertThat(authorities.covering("ZZ99 3VZ")).map(Authority::id).contains("default");
    assertThat(authorities.covering(null)).map(Authority::id).contains("default");
  }

  @Test
  void anEmptyFolderIsAMistakeNotASingleAuthority() {
    assertThatThrownBy(() -> Authorities.load(folder, null))
        .hasMessageContaining("no authority (*.yaml)");
  }

  private void write(String name, String text) throws Exception {
    Files.writeString(folder.resolve(name), text);
  }
}

package org.familyview.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-authority world: each family lives in Northshire (LS, BD) or Southshire (WF, HD, HX), a
 * few move across the border, and the truth files say so consistently with the addresses.
 */
class BorderMovesTests {

  @TempDir static Path dir;
  static GeneratedWorld world;

  @BeforeAll
  static void generate() throws IOException {
    world = GeneratedWorld.generate(GeneratorOptions.defaults(3000, dir.resolve("world")));
  }

  static String authorityOf(String postcode) {
    String area = postcode.substring(0, 2);
    return area.equals("LS") || area.equals("BD") ? "northshire" : "southshire";
  }

  @Test
  void everyFamilyLivesInTheAuthorityOfItsLatestAddressAndBothAuthoritiesHaveFamilies()
      throws IOException {
    Map<String, List<String[]>> addresses = addressesByFamily();
    Map<String, String> authority = new HashMap<>();
    for (String[] row : world.table("authorities.csv")) {
      authority.put(row[0], row[1]);
    }
    assertThat(authority.keySet()).isEqualTo(addresses.keySet());
    addresses.forEach(
        (family, homes) ->
            assertThat(authorityOf(homes.getLast()[2]))
                .as(family)
                .isEqualTo(authority.get(family)));
    Map<String, Long> counts =
        authority.values().stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
    assertThat(counts.get("northshire")).isGreaterThan(counts.get("southshire"));
    assertThat(counts.get("southshire")).isGreaterThan(authority.size() / 5L);
  }

  @Test
  void someFamiliesMoveAcrossTheBorderAndTheMovesMatchTheirAddresses() throws IOException {
    Map<String, List<String[]>> addresses = addressesByFamily();
    List<String[]> moves = world.table("border-moves.csv");
    assertThat(moves).hasSizeGreaterThan(20);
    assertThat(moves.size()).isLessThan(addresses.size() / 5);
    assertThat(moves).anyMatch(m -> m[1].equals("northshire") && m[2].equals("southshire"));
    assertThat(moves).anyMatch(m -> m[1].equals("southshire") && m[2].equals("northshire"));
    for (String[] move : moves) {
      List<String[]> homes = addresses.get(move[0]);
      String[] arrival = homes.stream().filter(h -> h[3].equals(move[3])).findFirst().orElseThrow();
      int at = homes.indexOf(arrival);
      assertThat(at).as(move[0]).isPositive();
      assertThat(authorityOf(homes.get(at - 1)[2])).isEqualTo(move[1]);
      assertThat(authorityOf(arrival[2])).isEqualTo(move[2]);
    }
    // A family that stays on its side of the border never changes authority.
    Map<String, Long> movesPerFamily =
        moves.stream().collect(Collectors.groupingBy(m -> m[0], Collectors.counting()));
    addresses.forEach(
        (family, homes) -> {
          long crossings = 0;
          for (int i = 1; i < homes.size(); i++) {
            if (!authorityOf(homes.get(i - 1)[2]).equals(authorityOf(homes.get(i)[2]))) {
              crossings++;
            }
          }
          assertThat(crossings).as(family).isEqualTo(movesPerFamily.getOrDefault(family, 0L));
        });
  }

  private static Map<String, List<String[]>> addressesByFamily() throws IOException {
    Map<String, List<String[]>> byFamily = new HashMap<>();
    for (String[] row : world.table("addresses.csv")) {
      // The address line may hold quoted commas: the family id is first, the rest counts from the
      // end.
      int n = row.length;
      String[] home = {row[0], "", row[n - 3], row[n - 2], row[n - 1]};
      byFamily.computeIfAbsent(row[0], f -> new ArrayList<>()).add(home);
    }
    return byFamily;
  }
}

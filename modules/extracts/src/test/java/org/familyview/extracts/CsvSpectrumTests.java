package org.familyview.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The raw CSV layer against csv-spectrum, a peer suite of CSV edge cases with their expected parse
 * (see src/test/resources/csv-spectrum/NOTICE.md).
 */
class CsvSpectrumTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "comma_in_quotes",
        "empty",
        "empty_crlf",
        "escaped_quotes",
        "json",
        "newlines",
        "newlines_crlf",
        "quotes_and_newlines",
        "simple",
        "simple_crlf",
        "utf8"
      })
  void parsesLikeThePeerSuiteExpects(String name) throws IOException {
    List<Map<String, String>> expected = FlatJson.rows(resource("json/" + name + ".json"));

    assertThat(parse(resourceBytes("csvs/" + name + ".csv"))).isEqualTo(expected);
  }

  /**
   * Upstream's expected JSON for this case gives a different phone number from its CSV, so only the
   * shape and the non-ASCII coordinates are compared.
   */
  @Test
  void locationCoordinatesKeepTheirNonAsciiCharacters() throws IOException {
    Map<String, String> expected =
        FlatJson.rows(resource("json/location_coordinates.json")).getFirst();

    List<Map<String, String>> rows = parse(resourceBytes("csvs/location_coordinates.csv"));

    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst().keySet()).isEqualTo(expected.keySet());
    assertThat(rows.getFirst().get("Location Coordinates"))
        .isEqualTo(expected.get("Location Coordinates"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"newlines", "newlines_crlf", "quotes_and_newlines", "simple_crlf"})
  void thePreliminaryPassFindsNothingWrongWithAnyPeerFile(String name, @TempDir Path dir)
      throws IOException {
    Path file = dir.resolve(name + ".csv");
    Files.write(file, resourceBytes("csvs/" + name + ".csv"));

    FileInspection.Result result = FileInspection.inspect(file, "persons.csv");

    assertThat(result.problem()).isNull();
    assertThat(result.records())
        .isEqualTo(FlatJson.rows(resource("json/" + name + ".json")).size() + 1);
  }

  private static List<Map<String, String>> parse(byte[] csv) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CsvRecords records = new CsvRecords(new java.io.ByteArrayInputStream(csv))) {
      List<String> header = records.next().record().toList();
      CsvRecords.Numbered next;
      while ((next = records.next()) != null) {
        if (next.isBlank()) {
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), next.record().get(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static String resource(String path) throws IOException {
    return new String(resourceBytes(path), StandardCharsets.UTF_8);
  }

  private static byte[] resourceBytes(String path) throws IOException {
    try (InputStream in = CsvSpectrumTests.class.getResourceAsStream("/csv-spectrum/" + path)) {
      return in.readAllBytes();
    }
  }
}

package org.familyview.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NdjsonBulkTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "O'Brien",
        "Zoë Łukasz-Ñúñez",
        "quote \" and backslash \\ inside",
        "new\nline, tab\t, return\r",
        "control \u0001\u001f",
        "emoji 👪",
        ""
      })
  void aStringReadsBackAsWritten(String value) {
    StringBuilder json = new StringBuilder();
    NdjsonBulk.object(json, Map.of("name", value));

    assertThat(parse(json).get("name").asString()).isEqualTo(value);
  }

  @Test
  void aDocumentKeepsItsFieldsTheirOrderNumbersAndLists() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("family_id", "F0000001");
    source.put("member_count", 3);
    source.put("names", List.of("ann", "bob"));
    source.put("agencies", List.of());
    StringBuilder json = new StringBuilder();

    NdjsonBulk.object(json, source);

    assertThat(json.toString())
        .isEqualTo(
            "{\"family_id\":\"F0000001\",\"member_count\":3,\"names\":[\"ann\",\"bob\"],"
                + "\"agencies\":[]}");
    assertThat(parse(json).get("member_count").asInt()).isEqualTo(3);
  }

  @Test
  void aValueOfAnotherKindIsRefused() {
    assertThatThrownBy(() -> NdjsonBulk.object(new StringBuilder(), Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strings, numbers and lists");
  }

  private static JsonNode parse(CharSequence json) {
    return JsonMapper.builder().build().readTree(json.toString());
  }
}

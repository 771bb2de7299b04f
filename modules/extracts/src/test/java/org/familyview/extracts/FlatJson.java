package org.familyview.extracts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the expected results of csv-spectrum: an array of objects (or one object) whose values are
 * all strings. Just enough JSON for that, so the tests need no JSON library.
 */
final class FlatJson {

  private final String s;
  private int i;

  private FlatJson(String s) {
    this.s = s;
  }

  static List<Map<String, String>> rows(String json) {
    FlatJson p = new FlatJson(json);
    p.skip();
    List<Map<String, String>> rows = new ArrayList<>();
    if (p.peek() == '{') {
      rows.add(p.object());
      return rows;
    }
    p.expect('[');
    p.skip();
    while (p.peek() != ']') {
      rows.add(p.object());
      p.skip();
      if (p.peek() == ',') {
        p.i++;
        p.skip();
      }
    }
    return rows;
  }

  private Map<String, String> object() {
    Map<String, String> row = new LinkedHashMap<>();
    expect('{');
    skip();
    while (peek() != '}') {
      String key = string();
      skip();
      expect(':');
      skip();
      row.put(key, string());
      skip();
      if (peek() == ',') {
        i++;
        skip();
      }
    }
    i++;
    return row;
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (s.charAt(i) != '"') {
      char c = s.charAt(i++);
      if (c == '\\') {
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    i++;
    return out.toString();
  }

  private char peek() {
    return s.charAt(i);
  }

  private void expect(char c) {
    if (s.charAt(i) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + i);
    }
    i++;
  }

  private void skip() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }
}

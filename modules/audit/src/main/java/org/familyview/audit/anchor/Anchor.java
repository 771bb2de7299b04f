package org.familyview.audit.anchor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.familyview.audit.trail.ChainKey;

/**
 * One anchored head: at {@code at}, the chain in {@code schema} ended at entry {@code seq}, which
 * carried {@code head}, after {@code entries} entries. Written as one line of {@code key=value}
 * fields and a MAC over them, so a line cannot be forged or edited without the audit key.
 */
public record Anchor(
    Instant at, String schema, long seq, long entries, String head, String reason) {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:+-]+");

  public Anchor {
    for (String field : new String[] {schema, head, reason}) {
      if (!TOKEN.matcher(field).matches()) {
        throw new IllegalArgumentException("an anchor field must be one plain token: " + field);
      }
    }
  }

  /** The line to append (without its line break). */
  public String toLine(ChainKey key) {
    String fields =
        "at=%s schema=%s seq=%d entries=%d head=%s reason=%s"
            .formatted(at, schema, seq, entries, head, reason);
    return fields + " mac=" + key.mac(fields);
  }

  /** The anchor a line holds, or an exception saying why the line is not a genuine anchor. */
  public static Anchor parse(String line, ChainKey key) {
    int macAt = line.lastIndexOf(" mac=");
    if (macAt < 0) {
      throw new IllegalArgumentException("no MAC");
    }
    String fields = line.substring(0, macAt);
    if (!key.mac(fields).equals(line.substring(macAt + 5))) {
      throw new IllegalArgumentException(
          "its MAC does not match (edited, or not written with this key)");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : fields.split(" ")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    try {
      return new Anchor(
          Instant.parse(values.get("at")),
          values.get("schema"),
          Long.parseLong(values.get("seq")),
          Long.parseLong(values.get("entries")),
          values.get("head"),
          values.get("reason"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a field is missing or malformed", e);
    }
  }
}

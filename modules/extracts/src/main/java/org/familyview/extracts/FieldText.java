package org.familyview.extracts;

import org.jspecify.annotations.Nullable;

/**
 * The normal form of free text in a field: trimmed, every run of whitespace (newlines included) one
 * space. Case is kept; the matcher's standardisers own case and accents.
 */
final class FieldText {

  private FieldText() {}

  /** The normal form, or null for blank. */
  static @Nullable String clean(String raw) {
    int length = raw.length();
    boolean simple =
        length > 0
            && !Character.isWhitespace(raw.charAt(0))
            && !Character.isWhitespace(raw.charAt(length - 1));
    for (int i = 0; simple && i < length; i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || (c == ' ' && i + 1 < length && raw.charAt(i + 1) == ' ')) {
        simple = false;
      }
    }
    if (simple) {
      return raw;
    }
    StringBuilder out = new StringBuilder(length);
    boolean pendingSpace = false;
    for (int i = 0; i < length; i++) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        pendingSpace = !out.isEmpty();
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(c);
    }
    return out.isEmpty() ? null : out.toString();
  }

  /** Multi-line text (a summary): trimmed, line breaks kept as \n, other controls dropped. */
  static @Nullable String cleanMultiline(String raw) {
    String stripped = raw.strip();
    if (stripped.isEmpty()) {
      return null;
    }
    if (stripped.indexOf('\r') < 0) {
      return stripped;
    }
    return stripped.replace("\r\n", "\n").replace('\r', '\n');
  }
}

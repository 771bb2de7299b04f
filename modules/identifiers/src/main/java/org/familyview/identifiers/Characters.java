package org.familyview.identifiers;

import java.util.Locale;

/** Shared clean-up of raw identifier text before format checks. */
final class Characters {

  private Characters() {}

  /** Upper case with every space, hyphen and tab removed, as partners type identifiers freely. */
  static String compact(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != ' ' && c != '-' && c != '\t' && c != '\u00a0') {
        out.append(c);
      }
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return from < to;
  }
}

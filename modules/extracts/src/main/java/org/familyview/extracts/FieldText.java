package org.familyview.extracts;

import org.jspecify.annotations.Nullable;

/**
 * How text values are read; every change made to a value here is listed in the contract (§11). Case
 * is always kept; the matcher's standardisers own case and accents.
 *
 * <ul>
 *   <li>identifiers ({@link #id}): kept exactly, but for spaces around them; a control character (a
 *       line break, a tab) inside is never squashed, the caller refuses the value;
 *   <li>one-line text ({@link #clean}): trimmed, every run of whitespace or control characters one
 *       space; the caller warns when a control character was among them;
 *   <li>multi-line text ({@link #exact}): kept exactly, line breaks and surrounding spaces
 *       included; only control characters other than tab and line breaks become spaces.
 * </ul>
 */
final class FieldText {

  private FieldText() {}

  /**
   * An identifier as given.
   *
   * @param value the identifier without surrounding spaces; null when blank
   * @param trimmed spaces around it were removed
   * @param control it holds a line break, tab or other control character: it cannot be stored
   *     exactly as one line, and squashing it could make two ids one
   */
  record Id(@Nullable String value, boolean trimmed, boolean control) {}

  static Id id(String raw) {
    String value = raw.strip();
    return new Id(
        value.isEmpty() ? null : value,
        !value.isEmpty() && value.length() != raw.length(),
        hasControl(value, false));
  }

  /**
   * Whether the value holds a control character (C0, DEL, C1, or the Unicode line and paragraph
   * separators); with {@code lineBreaksAllowed}, tab, CR and LF do not count.
   */
  static boolean hasControl(String raw, boolean lineBreaksAllowed) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (isControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\r' || c == '\n'))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isControl(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  /** One-line text: trimmed, runs of whitespace and control characters one space; null if blank. */
  static @Nullable String clean(String raw) {
    int length = raw.length();
    boolean simple =
        length > 0
            && !Character.isWhitespace(raw.charAt(0))
            && !Character.isWhitespace(raw.charAt(length - 1));
    for (int i = 0; simple && i < length; i++) {
      char c = raw.charAt(i);
      if (c < 0x20
          || (c >= 0x7F && c <= 0x9F)
          || c == '\u2028'
          || c == '\u2029'
          || (c == ' ' && i + 1 < length && raw.charAt(i + 1) == ' ')) {
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
      if (Character.isWhitespace(c) || isControl(c)) {
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

  /**
   * Multi-line text (a summary) kept exactly: surrounding spaces and line breaks (CR, LF, CRLF) as
   * given. Null when blank. Control characters other than tab and line breaks (which PostgreSQL,
   * PDF and screens cannot all carry) become spaces; {@link #hasControl} tells the caller to warn.
   */
  static @Nullable String exact(String raw) {
    if (raw.isBlank()) {
      return null;
    }
    if (!hasControl(raw, true)) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      out.append(isControl(c) && c != '\t' && c != '\r' && c != '\n' ? ' ' : c);
    }
    return out.toString();
  }
}

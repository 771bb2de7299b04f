package org.familyview.identifiers;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values partner systems put in a field when the real value is not known. They count as
 * missing: a matcher that compared two "UNKNOWN" given names or two 1900-01-01 births would link
 * strangers.
 *
 * <p>The lists come from what case-management and patient systems are known to emit: default dates
 * (1900-01-01, the SQL Server and Excel epochs, 9999-12-31), the names maternity systems give
 * before a baby is named ("BABY", "BABY OF SMITH", "BABY BOY"), and the "not known" spellings
 * (UNKNOWN, NOT KNOWN, N/K, TBC, XXX, ...). 1970-01-01 is deliberately not a placeholder: real
 * people were born that day, and the Unix epoch rarely leaks into a date-of-birth field.
 */
public final class Placeholders {

  private static final Set<LocalDate> DATES =
      Set.of(
          LocalDate.of(1, 1, 1),
          LocalDate.of(1753, 1, 1),
          LocalDate.of(1800, 1, 1),
          LocalDate.of(1899, 12, 30),
          LocalDate.of(1899, 12, 31),
          LocalDate.of(1900, 1, 1),
          LocalDate.of(1901, 1, 1),
          LocalDate.of(2099, 12, 31),
          LocalDate.of(9999, 12, 31));

  // Case-insensitive, so a lookup needs no upper-cased copy of the value.
  private static final Set<String> TEXT =
      caseInsensitive(
          "UNKNOWN",
          "UNK",
          "UNKOWN",
          "NOT KNOWN",
          "NOTKNOWN",
          "NK",
          "N/K",
          "NOT STATED",
          "NOT GIVEN",
          "NOT RECORDED",
          "NOT PROVIDED",
          "TBC",
          "TBA",
          "TO BE CONFIRMED",
          "NONE",
          "NULL",
          "NIL",
          "N/A",
          "REFUSED",
          "WITHHELD",
          "ANON",
          "ANONYMOUS",
          "UNNAMED",
          "NO NAME",
          "NONAME",
          "TEST",
          "DUMMY",
          "INFANT",
          "NEWBORN",
          "CHILD",
          "MALE",
          "FEMALE");

  private static final int LONGEST = 24;

  private Placeholders() {}

  /** A default date that stands for "date not known". */
  public static boolean isPlaceholderDate(LocalDate date) {
    return DATES.contains(date);
  }

  /**
   * A name part (given, middle or family name, or a whole name) that stands for "name not known".
   * "Baby" names count because they are replaced when the child is registered, so they never
   * identify the person across agencies.
   */
  public static boolean isPlaceholderName(String raw) {
    String name = raw.strip();
    if (startsWithWord(name, "BABY") || startsWithWord(name, "TWIN")) {
      return true;
    }
    return isPlaceholderText(name);
  }

  /**
   * Any free-text value (an address line, a phone number, an email) that says "not known": the
   * listed spellings, a run of X's, or nothing but punctuation.
   */
  public static boolean isPlaceholderText(String raw) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return true;
    }
    // Most values are real: only short ones can be a listed spelling, so only they are normalised.
    if (text.length() <= LONGEST && TEXT.contains(hasRunsOfSpace(text) ? normalise(text) : text)) {
      return true;
    }
    return onlyOf(text, "Xx") && text.length() >= 2 || onlyOf(text, "?-./_*#0 ");
  }

  private static Set<String> caseInsensitive(String... values) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(values));
    return Collections.unmodifiableSet(set);
  }

  private static boolean hasRunsOfSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)
          && (c != ' ' || (i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))))) {
        return true;
      }
    }
    return false;
  }

  /** "BABY" alone or followed by a space ("BABY OF SMITH", "Baby Boy"), in any case. */
  private static boolean startsWithWord(String s, String word) {
    if (!s.regionMatches(true, 0, word, 0, word.length())) {
      return false;
    }
    return s.length() == word.length() || Character.isWhitespace(s.charAt(word.length()));
  }

  /** Upper case, trimmed, with runs of whitespace collapsed to one space. */
  private static String normalise(String raw) {
    String upper = raw.strip().toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(upper.length());
    boolean space = false;
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && !out.isEmpty()) {
        out.append(' ');
      }
      space = false;
      out.append(c);
    }
    return out.toString();
  }

  private static boolean onlyOf(String text, String allowed) {
    for (int i = 0; i < text.length(); i++) {
      if (allowed.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}

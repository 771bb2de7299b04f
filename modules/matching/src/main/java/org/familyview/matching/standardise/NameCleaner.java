package org.familyview.matching.standardise;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Case, diacritics, punctuation, titles, suffixes and placeholder names. */
final class NameCleaner {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['’`´‘]");
  private static final Pattern NOT_LETTER = Pattern.compile("[^a-z\\-]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Honorifics and post-nominals seen inside name fields; they say nothing about identity. */
  static final Set<String> TITLES_AND_SUFFIXES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "mstr",
          "master",
          "mx",
          "dr",
          "doctor",
          "prof",
          "professor",
          "rev",
          "revd",
          "reverend",
          "sir",
          "dame",
          "lord",
          "lady",
          "capt",
          "captain",
          "sgt",
          "hon",
          "jr",
          "jnr",
          "junior",
          "snr",
          "senior",
          "ii",
          "iii",
          "iv",
          "esq",
          "phd",
          "obe",
          "mbe",
          "cbe",
          "kc",
          "qc",
          "sr",
          "bt",
          "bart",
          "baronet",
          "kbe",
          "dbe",
          "gcb",
          "kg",
          "frs");

  /** Ordinals ("1st", "2nd", "5th"): their letters would otherwise survive as a token. */
  private static final Pattern ORDINALS =
      Pattern.compile("\\d+\\s*(st|nd|rd|th)\\b", Pattern.CASE_INSENSITIVE);

  /** Values that stand for "not known" in name fields. */
  static final Set<String> PLACEHOLDERS =
      Set.of(
          "unknown",
          "unk",
          "nk",
          "notknown",
          "na",
          "none",
          "null",
          "nil",
          "xxx",
          "xx",
          "x",
          "zzz",
          "test",
          "baby",
          "infant",
          "unborn",
          "newborn",
          "anon",
          "anonymous",
          "notstated",
          "tbc",
          "tba",
          "nfa",
          "noname");

  /** Placeholder words that can also sit inside a longer name ("Baby Smith"). */
  private static final Set<String> TOKEN_PLACEHOLDERS =
      Set.of("unknown", "unk", "nk", "xxx", "zzz", "baby", "infant", "unborn", "newborn");

  private NameCleaner() {}

  /** Lower case, diacritics folded, apostrophes dropped (O'Brien = OBrien), other marks spaces. */
  static String clean(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean space = true;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 128) {
        return cleanSlowly(raw);
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if ((c >= 'a' && c <= 'z') || c == '-') {
        out.append(c);
        space = false;
      } else if (c == '\'' || c == '`') {
        continue;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int end = out.length();
    if (end > 0 && out.charAt(end - 1) == ' ') {
      out.setLength(end - 1);
    }
    return out.toString();
  }

  private static boolean hasDigit(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) >= '0' && raw.charAt(i) <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The general path, for text with accents or other non-ASCII characters. */
  private static String cleanSlowly(String raw) {
    String folded = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
    String lower = APOSTROPHES.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
    lower = lower.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l");
    return SPACES.matcher(NOT_LETTER.matcher(lower).replaceAll(" ")).replaceAll(" ").trim();
  }

  /**
   * Tokens of a name field with titles, suffixes and placeholders removed. Hyphens split tokens so
   * that double-barrelled names can be compared part by part.
   */
  static List<String> tokens(String raw) {
    String cleaned = clean(hasDigit(raw) ? ORDINALS.matcher(raw).replaceAll(" ") : raw);
    if (cleaned.isEmpty() || PLACEHOLDERS.contains(cleaned.replace(" ", ""))) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    for (String token : cleaned.replace('-', ' ').split(" ")) {
      if (!token.isEmpty()
          && !TITLES_AND_SUFFIXES.contains(token)
          && !TOKEN_PLACEHOLDERS.contains(token)) {
        result.add(token);
      }
    }
    return result;
  }
}

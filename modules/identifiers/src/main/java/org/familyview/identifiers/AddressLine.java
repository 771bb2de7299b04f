package org.familyview.identifiers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An address line as the matcher compares it and as family grouping keys households by it: folded
 * to lower case ASCII words, punctuation dropped and street words abbreviated, so that "12 Acacia
 * Avenue, Halifax" and "12 ACACIA AVE HALIFAX" are one address. One definition, because two records
 * the matcher calls the same address must share a household key.
 */
public final class AddressLine {

  private static final Map<String, String> STREET_WORDS =
      Map.ofEntries(
          Map.entry("street", "st"),
          Map.entry("road", "rd"),
          Map.entry("avenue", "ave"),
          Map.entry("av", "ave"),
          Map.entry("lane", "ln"),
          Map.entry("drive", "dr"),
          Map.entry("close", "cl"),
          Map.entry("court", "ct"),
          Map.entry("crescent", "cres"),
          Map.entry("place", "pl"),
          Map.entry("gardens", "gdns"),
          Map.entry("terrace", "tce"),
          Map.entry("square", "sq"),
          Map.entry("grove", "gr"),
          Map.entry("house", "ho"),
          Map.entry("apartment", "flat"),
          Map.entry("apt", "flat"),
          Map.entry("north", "n"),
          Map.entry("south", "s"),
          Map.entry("east", "e"),
          Map.entry("west", "w"));

  private AddressLine() {}

  /** The standard words joined by single spaces, or null when missing, a placeholder or empty. */
  public static @Nullable String standard(@Nullable String raw) {
    if (raw == null || Placeholders.isPlaceholderText(raw)) {
      return null;
    }
    List<String> words = words(raw);
    return words.isEmpty() ? null : String.join(" ", words);
  }

  private static List<String> words(String raw) {
    List<String> words = new ArrayList<>(8);
    StringBuilder word = new StringBuilder(16);
    for (int i = 0; i <= raw.length(); i++) {
      char c = i < raw.length() ? raw.charAt(i) : ' ';
      if (c >= 128) {
        // Accents folded away ("Côte" is "cote"); the common all-ASCII line skips the work.
        return words(
            Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", ""));
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.append(c);
      } else if (c != '\'' && !word.isEmpty()) {
        String w = word.toString();
        words.add(STREET_WORDS.getOrDefault(w, w));
        word.setLength(0);
      }
    }
    return words;
  }
}

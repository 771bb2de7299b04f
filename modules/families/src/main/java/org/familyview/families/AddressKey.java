package org.familyview.families;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.familyview.identifiers.Placeholders;
import org.jspecify.annotations.Nullable;

/**
 * The key that decides whether two records name the same address: the address line folded to lower
 * case ASCII words, punctuation dropped and street words abbreviated as the matcher's standardiser
 * does ("12 Acacia Avenue, Halifax" and "12 ACACIA AVE HALIFAX" share a key). The postcode is not
 * part of the key: agencies drop, mistype and placeholder it (ZZ99 3VZ) independently of the line.
 */
public final class AddressKey {

  private static final Map<String, String> ADDRESS_WORDS =
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

  private AddressKey() {}

  /** The key, or null when the address is missing, a placeholder or has no words. */
  public static @Nullable String of(@Nullable String address) {
    if (address == null || Placeholders.isPlaceholderText(address)) {
      return null;
    }
    String ascii =
        Normalizer.normalize(address, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
    List<String> words = new ArrayList<>(8);
    StringBuilder word = new StringBuilder(16);
    for (int i = 0; i <= ascii.length(); i++) {
      char c = i < ascii.length() ? Character.toLowerCase(ascii.charAt(i)) : ' ';
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.append(c);
      } else if (c != '\'' && !word.isEmpty()) {
        String w = word.toString();
        words.add(ADDRESS_WORDS.getOrDefault(w, w));
        word.setLength(0);
      }
    }
    return words.isEmpty() ? null : String.join(" ", words);
  }
}

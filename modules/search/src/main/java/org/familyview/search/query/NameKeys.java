package org.familyview.search.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Folding and phonetic keys for names, the same at index and at query time. Double Metaphone
 * (Philips 2000) gives a primary and an alternate key, so "Siobhan" and "Shivaun", or "Thompson"
 * and "Tomson", meet on a key even when their spellings are far apart.
 */
public final class NameKeys {

  private static final ThreadLocal<DoubleMetaphone> METAPHONE =
      ThreadLocal.withInitial(
          () -> {
            DoubleMetaphone m = new DoubleMetaphone();
            m.setMaxCodeLen(6);
            return m;
          });

  private NameKeys() {}

  /** Lower case, accents removed, anything but letters, digits and spaces turned into spaces. */
  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      } else if (c == '\'' || c == '’') {
        // O'Brien and O’Brien are Obrien, not "o brien".
        continue;
      } else {
        out.append(' ');
      }
    }
    return out.toString().trim().replaceAll(" +", " ").toLowerCase(Locale.ROOT);
  }

  public static List<String> tokens(String text) {
    String folded = fold(text);
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }

  /** Both Double Metaphone keys of every token, without duplicates. */
  public static Set<String> phonetic(String text) {
    Set<String> keys = new LinkedHashSet<>();
    for (String token : tokens(text)) {
      keys.addAll(phoneticOfToken(token));
    }
    return keys;
  }

  static List<String> phoneticOfToken(String token) {
    List<String> keys = new ArrayList<>(2);
    DoubleMetaphone metaphone = METAPHONE.get();
    String primary = metaphone.doubleMetaphone(token);
    String alternate = metaphone.doubleMetaphone(token, true);
    if (primary != null && !primary.isEmpty()) {
      keys.add(primary);
    }
    if (alternate != null && !alternate.isEmpty() && !alternate.equals(primary)) {
      keys.add(alternate);
    }
    return keys;
  }
}

package org.familyview.casefile.web;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Why a person is in a family, in words: the grouping's basis text names address keys and person
 * ids ("co-resident at flat 5 114 church ln leeds; POLICE household H77"), which are for
 * provenance; the member list says "same address; same household in police records".
 */
public final class MemberBasis {

  static final MemberBasis WORDS = new MemberBasis();

  private MemberBasis() {}

  /** As the family page writes it ({@code basis.words(...)}). */
  public String words(String basis) {
    Set<String> words = new LinkedHashSet<>();
    for (String part : basis.split(";\\s*")) {
      String p = part.strip();
      String lower = p.toLowerCase(Locale.ROOT);
      if (lower.startsWith("co-resident at ")) {
        words.add("same address");
      } else if (lower.startsWith("stated parent of ")) {
        words.add("named as a parent in " + agencyOf(p.substring(p.indexOf('(') + 1)) + " records");
      } else if (lower.startsWith("stated child of ")) {
        words.add("named as a child in " + agencyOf(p.substring(p.indexOf('(') + 1)) + " records");
      } else if (lower.matches("[a-z]+ household .*")) {
        words.add("same household in " + agencyOf(p) + " records");
      } else if (lower.startsWith("a child known to the agencies without a household")) {
        words.add("known to the agencies without a household");
      } else if (!p.isEmpty()) {
        words.add(p);
      }
    }
    return String.join("; ", words);
  }

  private static String agencyOf(String text) {
    String first = text.strip().split("[\\s.]", 2)[0];
    return first.toLowerCase(Locale.ROOT);
  }
}

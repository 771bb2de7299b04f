package org.familyview.matching.evaluate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * People who hold two different valid NHS numbers, UPNs or PNC ids. Clustering refuses such joins
 * by construction (a steward may still join two UPNs or PNC ids); this counts them on the output,
 * with no truth needed, so every run's report shows that the promise held. Only valid identifiers
 * count: the standardiser drops a mistyped one, and so does the matcher.
 */
public record Coherence(int records, int nhsNumbers, int upns, int pncIds) {

  /**
   * @param records the run's standardised records, in position order
   * @param personOf the person id at each position
   */
  public static Coherence of(List<StandardisedRecord> records, IntFunction<String> personOf) {
    return new Coherence(
        records.size(),
        conflicted(records, personOf, StandardisedRecord::nhsNumber),
        conflicted(records, personOf, StandardisedRecord::upn),
        conflicted(records, personOf, StandardisedRecord::pncId));
  }

  /** How many people hold two or more different values of one identifier. */
  private static int conflicted(
      List<StandardisedRecord> records,
      IntFunction<String> personOf,
      Function<StandardisedRecord, @Nullable String> identifier) {
    Map<String, String> held = new HashMap<>();
    Map<String, Boolean> conflicted = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      String value = identifier.apply(records.get(i));
      if (value == null) {
        continue;
      }
      String person = personOf.apply(i);
      String first = held.putIfAbsent(person, value);
      if (first != null && !first.equals(value)) {
        conflicted.put(person, true);
      }
    }
    return conflicted.size();
  }

  /** True when no person holds conflicting valid identifiers. */
  public boolean holds() {
    return nhsNumbers == 0 && upns == 0 && pncIds == 0;
  }

  public String toText() {
    return String.format(
        Locale.ROOT,
        "People holding two different valid identifiers: NHS number %,d, UPN %,d, PNC id %,d%n",
        nhsNumbers,
        upns,
        pncIds);
  }
}

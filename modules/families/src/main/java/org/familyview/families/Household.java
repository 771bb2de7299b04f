package org.familyview.families;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A family's address over a period, and who lived there when.
 *
 * @param addressKey the normalised address ({@link AddressKey})
 * @param address the address line most of its records give
 * @param postcode the postcode most of its records give, if any
 */
public record Household(
    String addressKey,
    String address,
    @Nullable String postcode,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    List<Residency> residents) {

  public Household {
    residents = List.copyOf(residents);
  }

  /** The people who lived here on the day. */
  public Set<String> residentsOn(LocalDate day) {
    Set<String> people = new TreeSet<>();
    for (Residency residency : residents) {
      if (residency.on(day)) {
        people.add(residency.personId());
      }
    }
    return people;
  }
}

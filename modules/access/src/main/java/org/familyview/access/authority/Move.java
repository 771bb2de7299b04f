package org.familyview.access.authority;

import java.time.LocalDate;

/**
 * A family's move across a border: from the authority of one household to that of the next, on the
 * first day at the new address. The old authority reads the family until {@code readUntil}
 * (exclusive): {@code on} plus the old authority's moved-family read period.
 */
public record Move(String from, String to, LocalDate on, LocalDate readUntil) {

  public boolean stillReadableBy(String authority, LocalDate today) {
    return from.equals(authority) && today.isBefore(readUntil);
  }
}

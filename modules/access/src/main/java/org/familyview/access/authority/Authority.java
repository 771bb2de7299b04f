package org.familyview.access.authority;

import java.time.Period;
import java.util.List;

/**
 * A local authority as configured: its children's services see the families that live in its
 * postcodes, and keep reading a family that moved away for {@code movedFamilyReadPeriod}.
 *
 * @param id the stable id staff carry as their Keycloak attribute {@code authority}
 * @param name what people read ("Northshire Council")
 * @param postcodes postcode areas ("LS"), districts ("LS21") or {@code *} for every postcode
 * @param movedFamilyReadPeriod how long this authority keeps read access to a family that moved out
 *     of it, counted from the first day at the new address
 */
public record Authority(
    String id, String name, List<String> postcodes, Period movedFamilyReadPeriod) {

  public static final Period DEFAULT_READ_PERIOD = Period.ofDays(90);

  public Authority {
    postcodes = List.copyOf(postcodes);
  }
}

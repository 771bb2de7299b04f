package org.familyview.casefile;

import java.util.List;
import java.util.Locale;

/**
 * Partner ids as the store keeps them (upper case, as v1 stored its enum names: {@code POLICE}) and
 * as people, the sharing agreements and event type codes write them ({@code police}).
 */
public final class Agencies {

  public static final List<String> ALL = List.of("police", "health", "council", "education");

  private Agencies() {}

  public static String code(String stored) {
    return stored.toLowerCase(Locale.ROOT);
  }

  public static String stored(String code) {
    return code.toUpperCase(Locale.ROOT);
  }

  public static String title(String code) {
    String c = code(code);
    return c.isEmpty() ? c : Character.toUpperCase(c.charAt(0)) + c.substring(1);
  }
}

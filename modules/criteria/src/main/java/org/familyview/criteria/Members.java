package org.familyview.criteria;

import java.util.Locale;
import java.util.Optional;

/** Whose events a piece of evidence looks at, judged by age on the day of the event. */
public enum Members {
  /** Anyone in the family. */
  ANY,
  /** Under 18 on the day of the event. */
  CHILD,
  /** 18 or over on the day of the event. */
  ADULT;

  /** The age from which a family member counts as an adult. */
  public static final int ADULT_AGE = 18;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Members> fromConfig(String name) {
    for (Members m : values()) {
      if (m.configName().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** How the explanation names them: "a child", "an adult", "a family member". */
  String noun() {
    return switch (this) {
      case ANY -> "family members";
      case CHILD -> "children";
      case ADULT -> "adults";
    };
  }
}

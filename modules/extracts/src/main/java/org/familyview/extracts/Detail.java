package org.familyview.extracts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The qualifier an event type takes in the {@code detail} column, if any: one of a fixed set of
 * values (the DASH risk level of a domestic abuse incident, the role in a crime) or a count (the
 * sessions of an unauthorised absence).
 */
public sealed interface Detail permits Detail.None, Detail.OneOf, Detail.Count {

  /** The normal form of a raw detail, or empty if this type does not accept it. */
  Optional<String> normalise(String raw);

  /** The type takes no qualifier. */
  record None() implements Detail {
    @Override
    public Optional<String> normalise(String raw) {
      return Optional.empty();
    }
  }

  /** One of {@code values} (lower case), e.g. DASH risk standard, medium or high. */
  record OneOf(String name, List<String> values) implements Detail {
    public OneOf {
      values = List.copyOf(values);
    }

    @Override
    public Optional<String> normalise(String raw) {
      String value = raw.strip().toLowerCase(Locale.ROOT);
      return values.contains(value) ? Optional.of(value) : Optional.empty();
    }
  }

  /** A whole number from 1 to 999, e.g. the sessions missed. */
  record Count(String name) implements Detail {
    @Override
    public Optional<String> normalise(String raw) {
      String value = raw.strip();
      if (value.isEmpty() || value.length() > 3) {
        return Optional.empty();
      }
      for (int i = 0; i < value.length(); i++) {
        if (!Character.isDigit(value.charAt(i))) {
          return Optional.empty();
        }
      }
      int n = Integer.parseInt(value);
      return n >= 1 ? Optional.of(Integer.toString(n)) : Optional.empty();
    }
  }
}

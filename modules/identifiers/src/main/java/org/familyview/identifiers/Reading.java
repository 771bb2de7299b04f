package org.familyview.identifiers;

import java.util.Optional;

/**
 * The outcome of reading one raw identifier value: a valid identifier, a missing one (blank or a
 * known placeholder), or an invalid one with a reason. The extract reader needs all three, because
 * missing is silent while invalid is a warning the partner must see.
 *
 * <p>A reason never repeats the value itself: it says what is wrong ("fails the modulus-11 check"),
 * so that it can be shown to whoever reads feedback without disclosing personal data.
 *
 * @param <T> the identifier type
 */
public sealed interface Reading<T> permits Reading.Valid, Reading.Missing, Reading.Invalid {

  /** A well-formed identifier whose check character, if any, is right. */
  record Valid<T>(T value) implements Reading<T> {}

  /** Blank, or a placeholder that stands for "not known" (an all-zero NHS number, ...). */
  record Missing<T>() implements Reading<T> {}

  /** Present but wrong; {@code reason} describes the defect without quoting the value. */
  record Invalid<T>(String reason) implements Reading<T> {}

  /** The identifier if valid, otherwise empty. */
  default Optional<T> toOptional() {
    return this instanceof Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
  }

  static <T> Reading<T> missing() {
    return new Missing<>();
  }

  static <T> Reading<T> invalid(String reason) {
    return new Invalid<>(reason);
  }
}

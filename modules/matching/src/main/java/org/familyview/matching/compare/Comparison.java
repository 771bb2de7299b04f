package org.familyview.matching.compare;

import java.util.List;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * One field compared as ordered levels, after the comparison-level design of Splink and Duke: level
 * 0 is always "missing" (no evidence), level 1 exact agreement, then progressively weaker
 * agreement, and the last level "else" (disagreement). Implementations must be thread-safe and
 * symmetric.
 */
public interface Comparison {

  int MISSING = 0;
  int EXACT = 1;

  /**
   * What {@link #level(int, int)} gives, for a comparison that {@link #decidesSomeByCodes()}, when
   * the two codes do not decide the level: then compare the records.
   */
  int UNDECIDED = -1;

  /** A stable name, used as the key of this comparison's parameters. */
  String name();

  /** Level descriptions, index 0 "missing" and the last the disagreement level. */
  List<String> levels();

  int level(StandardisedRecord left, StandardisedRecord right);

  /**
   * The value whose frequency adjusts the weight of exact agreement ("Smith" is common, "Okonkwo"
   * rare), or null when this comparison takes no term-frequency adjustment.
   */
  default @Nullable String termFrequencyValue(StandardisedRecord record) {
    return null;
  }

  /**
   * Whether the term-frequency adjustment may only weaken agreement: for values a person's own
   * records share (one per agency holding them), where only a value far more common than that (a
   * placeholder) says something.
   */
  default boolean termFrequencyOnlyWeakens() {
    return false;
  }

  /** The level whose weight the term-frequency adjustment replaces; usually exact agreement. */
  default int termFrequencyLevel() {
    return EXACT;
  }

  default int levelCount() {
    return levels().size();
  }

  default int elseLevel() {
    return levelCount() - 1;
  }

  /**
   * Whether this comparison's level depends only on one int per record, so that a population's
   * values can sit in a primitive array and tens of millions of pairs be compared without reaching
   * into the records (identifiers, sex, date of birth). Then {@link #codes} and {@link #level(int,
   * int)} give exactly the levels {@link #level(StandardisedRecord, StandardisedRecord)} gives.
   */
  default boolean comparesCodes() {
    return false;
  }

  /**
   * Every record's code, or null when some record cannot be coded (then callers compare records).
   */
  default int @Nullable [] codes(List<StandardisedRecord> records) {
    return null;
  }

  /**
   * Whether codes decide the level of the commonest pairs but not of every pair (middle names:
   * missing on either side, or the same, decide; two different names need their letters). Then
   * {@link #codes} gives every record a small non-negative code, records with equal codes are
   * interchangeable for this comparison (they give the same level against any record), and {@link
   * #level(int, int)} gives either the level {@link #level(StandardisedRecord, StandardisedRecord)}
   * gives or {@link #UNDECIDED}. A caller may then compare any records carrying those codes: one
   * record per code, a few thousand, stays in cache where a million records' own fields do not.
   */
  default boolean decidesSomeByCodes() {
    return false;
  }

  /**
   * The level of two records given by their codes; only when {@link #comparesCodes()}, or {@link
   * #decidesSomeByCodes()} (then possibly {@link #UNDECIDED}).
   */
  default int level(int left, int right) {
    throw new UnsupportedOperationException(name() + " does not compare codes");
  }
}

package org.familyview.review.decision;

import java.util.ArrayList;
import java.util.List;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;

/**
 * What applying a decision did to the people, kept with it (review_decision.result). When it undid
 * a link, {@code undone} names the person that held both sides and the two sides: the blast radius
 * starts there.
 */
public record Change(
    List<String> kept,
    List<String> retired,
    List<String> revived,
    List<String> created,
    List<Moved> moved,
    @Nullable Undone undone) {

  public record Moved(String agency, String recordId, @Nullable String from, String to) {}

  /** A link undone: {@code personId} held {@code staying} and {@code leaving} together. */
  public record Undone(String personId, List<RecordKey> staying, List<RecordKey> leaving) {}

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    final List<String> kept = new ArrayList<>();
    final List<String> retired = new ArrayList<>();
    final List<String> revived = new ArrayList<>();
    final List<String> created = new ArrayList<>();
    final List<Moved> moved = new ArrayList<>();
    @Nullable Undone undone;

    Change build() {
      return new Change(kept, retired, revived, created, moved, undone);
    }
  }
}

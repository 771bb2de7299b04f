package org.familyview.access.authority;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a family lives now, and the borders it crossed to get there.
 *
 * @param authority the authority of its latest household (the one still open, or the last to end,
 *     and of those the one entered last); a household whose postcode no authority covers is passed
 *     over for the one before it, and a family with none at all is the unplaced authority's
 * @param moves every border crossing, oldest first
 */
public record Place(String authority, List<Move> moves) {

  public Place {
    moves = List.copyOf(moves);
  }

  /** Whether staff of {@code reader} may read the family on {@code today}, and why. */
  public Reach reachFor(String reader, LocalDate today) {
    if (authority.equals(reader)) {
      return Reach.HOME;
    }
    return moves.stream().anyMatch(m -> m.stillReadableBy(reader, today))
        ? Reach.MOVED_AWAY
        : Reach.ELSEWHERE;
  }

  /** The latest move out of {@code reader}, if the family ever left it. */
  public Optional<Move> latestMoveOutOf(String reader) {
    return moves.reversed().stream().filter(m -> m.from().equals(reader)).findFirst();
  }

  /** The latest move into the authority where the family lives now. */
  public Optional<Move> latestMoveIn() {
    return moves.isEmpty() ? Optional.empty() : Optional.of(moves.getLast());
  }

  /** How a family stands to an authority's staff. */
  public enum Reach {
    /** it lives in their authority */
    HOME,
    /** it moved out of their authority within the read period: read access, with the notice */
    MOVED_AWAY,
    /** it lives elsewhere, or moved away longer ago than the read period */
    ELSEWHERE
  }

  private static final Comparator<Residence> ENTERED =
      Comparator.comparing(
              Residence::from, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
          .thenComparing(Residence::to, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()));

  /** Places a family from its households. */
  public static Place of(List<Residence> households, Authorities authorities) {
    List<Residence> ordered = new ArrayList<>(households);
    ordered.sort(ENTERED);
    List<Move> moves = new ArrayList<>();
    @Nullable String current = null;
    for (Residence home : ordered) {
      Optional<Authority> here = placed(home, authorities);
      if (here.isEmpty()) {
        continue;
      }
      String id = here.get().id();
      if (current != null && !current.equals(id) && home.from() != null) {
        Authority left = authorities.byId(current).orElseThrow();
        moves.add(
            new Move(current, id, home.from(), home.from().plus(left.movedFamilyReadPeriod())));
      }
      current = id;
    }
    String now = latest(ordered, authorities).orElse(current);
    return new Place(now == null ? authorities.unplaced().id() : now, moves);
  }

  /**
   * The authority of the household still open, or ended last; among several open ones (a family
   * split across two addresses) the one entered last.
   */
  private static Optional<String> latest(List<Residence> ordered, Authorities authorities) {
    return ordered.stream()
        .filter(home -> placed(home, authorities).isPresent())
        .max(
            Comparator.comparing(
                    Residence::to, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(ENTERED))
        .flatMap(home -> placed(home, authorities))
        .map(Authority::id);
  }

  private static Optional<Authority> placed(Residence home, Authorities authorities) {
    if (home.postcode() == null || home.postcode().isBlank()) {
      return Optional.empty();
    }
    return authorities.covering(home.postcode());
  }
}

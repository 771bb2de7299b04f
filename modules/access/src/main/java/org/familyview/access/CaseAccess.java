package org.familyview.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.familyview.access.authority.Authorities;
import org.familyview.access.authority.Move;
import org.familyview.access.authority.Place;
import org.familyview.access.authority.Places;
import org.familyview.access.authority.StaffAuthorities;
import org.familyview.access.caseload.OpenCases;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether a user may read a family's or a person's case data, and on what ground. First the
 * authority: staff read only families that live in their authority's area, or that moved out of it
 * within its moved-family read period; nothing, not even break-glass, opens another authority's
 * family. Then the role: leads see every such family; keyworkers their caseload, or what they broke
 * the glass for; every other role no case data at all (stewards see record data through their
 * review tasks only).
 */
@Component
public class CaseAccess {

  static final String NO_CASE_ROLE = "your role does not give access to case data";
  static final String NO_AUTHORITY =
      "your account names no configured authority; ask an administrator to set it";
  static final String ELSEWHERE = "this family is not in your authority's area";

  public enum Ground {
    AUTHORITY_WIDE,
    CASELOAD,
    BREAK_GLASS
  }

  public sealed interface Decision {
    record Allowed(Ground ground) implements Decision {}

    record Denied(String why) implements Decision {}
  }

  private final OpenCases caseloads;
  private final Places places;
  private final StaffAuthorities staff;
  private final Clock clock;

  /** A single-authority deployment: the rules as they were before authorities. */
  public CaseAccess(OpenCases caseloads) {
    this(caseloads, Places.single(Authorities.single()), Clock.systemUTC());
  }

  public CaseAccess(OpenCases caseloads, Places places, Clock clock) {
    this.caseloads = caseloads;
    this.places = places;
    this.staff = new StaffAuthorities(places.authorities());
    this.clock = clock;
  }

  @Autowired
  CaseAccess(OpenCases caseloads, Places places) {
    this(caseloads, places, Clock.systemUTC());
  }

  public Decision toFamily(CurrentUser user, String familyId) {
    if (!mayReadCases(user)) {
      return new Decision.Denied(NO_CASE_ROLE);
    }
    Optional<String> authority = staff.of(user);
    if (authority.isEmpty()) {
      return new Decision.Denied(NO_AUTHORITY);
    }
    if (places.of(familyId).reachFor(authority.get(), today()) == Place.Reach.ELSEWHERE) {
      return new Decision.Denied(ELSEWHERE);
    }
    if (user.has(Role.SAFEGUARDING_LEAD)) {
      return new Decision.Allowed(Ground.AUTHORITY_WIDE);
    }
    if (caseloads.currentFamilies(user.username()).contains(familyId)) {
      return new Decision.Allowed(Ground.CASELOAD);
    }
    if (caseloads.hasGrant(user.username(), "family", familyId)) {
      return new Decision.Allowed(Ground.BREAK_GLASS);
    }
    return new Decision.Denied("this family is not on your caseload; record a reason to see it");
  }

  /**
   * A person is open through any family of theirs that lies in the reader's authority (and is on a
   * keyworker's caseload or was broken into), or a grant on the person; a person in no family lies
   * where their records' postcodes are.
   */
  public Decision toPerson(CurrentUser user, String personId, Set<String> familiesOfPerson) {
    if (!mayReadCases(user)) {
      return new Decision.Denied(NO_CASE_ROLE);
    }
    Optional<String> authority = staff.of(user);
    if (authority.isEmpty()) {
      return new Decision.Denied(NO_AUTHORITY);
    }
    Set<String> reachable = reachable(authority.get(), familiesOfPerson);
    boolean inArea =
        familiesOfPerson.isEmpty()
            ? places.ofUnfamiliedPerson(personId).equals(authority.get())
            : !reachable.isEmpty();
    if (!inArea) {
      return new Decision.Denied("this person is not in your authority's area");
    }
    if (user.has(Role.SAFEGUARDING_LEAD)) {
      return new Decision.Allowed(Ground.AUTHORITY_WIDE);
    }
    Set<String> caseload = caseloads.currentFamilies(user.username());
    if (reachable.stream().anyMatch(caseload::contains)) {
      return new Decision.Allowed(Ground.CASELOAD);
    }
    if (caseloads.hasGrant(user.username(), "person", personId)
        || reachable.stream().anyMatch(f -> caseloads.hasGrant(user.username(), "family", f))) {
      return new Decision.Allowed(Ground.BREAK_GLASS);
    }
    return new Decision.Denied("this person is not on your caseload; record a reason to see them");
  }

  /**
   * Whether a keyworker may record a break-glass reason for this person or family: only inside
   * their own authority's area. Break-glass is for a case the authority holds, not a way into a
   * neighbour's.
   */
  public Decision mayBreakGlass(CurrentUser user, String targetType, String targetId) {
    Optional<String> authority = staff.of(user);
    if (authority.isEmpty()) {
      return new Decision.Denied(NO_AUTHORITY);
    }
    boolean inArea =
        switch (targetType) {
          case "family" ->
              places.of(targetId).reachFor(authority.get(), today()) != Place.Reach.ELSEWHERE;
          default -> {
            Set<String> families = places.familiesOf(targetId);
            yield families.isEmpty()
                ? places.ofUnfamiliedPerson(targetId).equals(authority.get())
                : !reachable(authority.get(), families).isEmpty();
          }
        };
    return inArea ? new Decision.Allowed(Ground.BREAK_GLASS) : new Decision.Denied(ELSEWHERE);
  }

  /** Which families a user may search within; {@code null} means every family. */
  public @Nullable Set<String> searchableFamilies(CurrentUser user) {
    if (!mayReadCases(user)) {
      return Set.of();
    }
    if (places.authorities().isSingle()) {
      return user.has(Role.SAFEGUARDING_LEAD) ? null : caseloads.currentFamilies(user.username());
    }
    Optional<String> authority = staff.of(user);
    if (authority.isEmpty()) {
      return Set.of();
    }
    if (user.has(Role.SAFEGUARDING_LEAD)) {
      return inArea(authority.get());
    }
    return reachable(authority.get(), caseloads.currentFamilies(user.username()));
  }

  /**
   * The families of the reader's authority's area, for lists that span an authority (the criteria
   * returns); {@code null} in a single-authority deployment, where every family is in the area.
   */
  public @Nullable Set<String> area(CurrentUser user) {
    if (places.authorities().isSingle()) {
      return null;
    }
    return staff.of(user).map(this::inArea).orElse(Set.of());
  }

  /**
   * The notice an authority's staff get about a family that moved out of their area and that they
   * still read: where it went, when, and until when they read it. Empty for a family at home.
   */
  public Optional<Move> movedAwayNotice(CurrentUser user, String familyId) {
    Optional<String> authority = staff.of(user);
    if (authority.isEmpty() || places.authorities().isSingle()) {
      return Optional.empty();
    }
    Place place = places.of(familyId);
    if (place.reachFor(authority.get(), today()) != Place.Reach.MOVED_AWAY) {
      return Optional.empty();
    }
    return place.latestMoveOutOf(authority.get());
  }

  /** Every current family in an authority's area today: living there, or moved away recently. */
  public Set<String> inArea(String authority) {
    LocalDate today = today();
    return places.all().entrySet().stream()
        .filter(e -> e.getValue().reachFor(authority, today) != Place.Reach.ELSEWHERE)
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  private Set<String> reachable(String authority, Set<String> families) {
    LocalDate today = today();
    return families.stream()
        .filter(f -> places.of(f).reachFor(authority, today) != Place.Reach.ELSEWHERE)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static boolean mayReadCases(CurrentUser user) {
    return user.has(Role.KEYWORKER) || user.has(Role.SAFEGUARDING_LEAD);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}

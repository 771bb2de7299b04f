package org.familyview.access;

import java.util.Set;
import org.familyview.access.caseload.OpenCases;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Whether a user may read a family's or a person's case data, and on what ground. Leads see every
 * family in the authority; keyworkers their caseload, or what they broke the glass for; every other
 * role no case data at all (stewards see record data through their review tasks only).
 */
@Component
public class CaseAccess {

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

  public CaseAccess(OpenCases caseloads) {
    this.caseloads = caseloads;
  }

  public Decision toFamily(CurrentUser user, String familyId) {
    if (user.has(Role.SAFEGUARDING_LEAD)) {
      return new Decision.Allowed(Ground.AUTHORITY_WIDE);
    }
    if (!user.has(Role.KEYWORKER)) {
      return new Decision.Denied("your role does not give access to case data");
    }
    if (caseloads.currentFamilies(user.username()).contains(familyId)) {
      return new Decision.Allowed(Ground.CASELOAD);
    }
    if (caseloads.hasGrant(user.username(), "family", familyId)) {
      return new Decision.Allowed(Ground.BREAK_GLASS);
    }
    return new Decision.Denied("this family is not on your caseload; record a reason to see it");
  }

  /** A person is open to a keyworker through any family of theirs, or a grant on the person. */
  public Decision toPerson(CurrentUser user, String personId, Set<String> familiesOfPerson) {
    if (user.has(Role.SAFEGUARDING_LEAD)) {
      return new Decision.Allowed(Ground.AUTHORITY_WIDE);
    }
    if (!user.has(Role.KEYWORKER)) {
      return new Decision.Denied("your role does not give access to case data");
    }
    Set<String> caseload = caseloads.currentFamilies(user.username());
    if (familiesOfPerson.stream().anyMatch(caseload::contains)) {
      return new Decision.Allowed(Ground.CASELOAD);
    }
    if (caseloads.hasGrant(user.username(), "person", personId)
        || familiesOfPerson.stream()
            .anyMatch(f -> caseloads.hasGrant(user.username(), "family", f))) {
      return new Decision.Allowed(Ground.BREAK_GLASS);
    }
    return new Decision.Denied("this person is not on your caseload; record a reason to see them");
  }

  /** Which families a user may search within; {@code null} means every family. */
  public java.util.@org.jspecify.annotations.Nullable Set<String> searchableFamilies(
      CurrentUser user) {
    if (user.has(Role.SAFEGUARDING_LEAD)) {
      return null;
    }
    if (!user.has(Role.KEYWORKER)) {
      return Set.of();
    }
    return caseloads.currentFamilies(user.username());
  }
}

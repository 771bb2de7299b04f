package org.familyview.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.familyview.access.CaseAccess.Decision;
import org.familyview.access.CaseAccess.Ground;
import org.familyview.access.caseload.OpenCases;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.junit.jupiter.api.Test;

/**
 * Each of CaseAccess's rules, allowed and refused, against a caseload held in memory (the
 * PostgreSQL side, {@code Caseloads}, is covered by the access integration tests).
 */
class CaseAccessTests {

  private final Caseload caseload = new Caseload();
  private final CaseAccess access = new CaseAccess(caseload);

  private static CurrentUser user(String username, Role... roles) {
    return new CurrentUser(username, username, Set.of(roles), null, null);
  }

  private final CurrentUser lead = user("lead", Role.SAFEGUARDING_LEAD);
  private final CurrentUser keyworker = user("keyworker1", Role.KEYWORKER);
  private final CurrentUser steward = user("steward", Role.DATA_STEWARD);

  // A lead sees every family in the authority, on no caseload at all.
  @Test
  void aLeadReadsAnyFamilyAuthorityWide() {
    assertThat(access.toFamily(lead, "F-1")).isEqualTo(new Decision.Allowed(Ground.AUTHORITY_WIDE));
    assertThat(access.toPerson(lead, "P-1", Set.of()))
        .isEqualTo(new Decision.Allowed(Ground.AUTHORITY_WIDE));
  }

  @Test
  void aRoleWithoutCaseDataIsRefusedEvenWithTheFamilyOnItsCaseload() {
    caseload.assign("steward", "F-1");
    caseload.grant("steward", "family", "F-1");

    assertThat(access.toFamily(steward, "F-1")).isInstanceOf(Decision.Denied.class);
    assertThat(access.toPerson(steward, "P-1", Set.of("F-1")))
        .isEqualTo(new Decision.Denied("your role does not give access to case data"));
  }

  @Test
  void aKeyworkerReadsAFamilyOnTheirCaseload() {
    caseload.assign("keyworker1", "F-1");

    assertThat(access.toFamily(keyworker, "F-1")).isEqualTo(new Decision.Allowed(Ground.CASELOAD));
  }

  @Test
  void aKeyworkerIsRefusedAFamilyOnAnotherKeyworkersCaseload() {
    caseload.assign("keyworker2", "F-1");

    assertThat(access.toFamily(keyworker, "F-1"))
        .isEqualTo(
            new Decision.Denied("this family is not on your caseload; record a reason to see it"));
  }

  @Test
  void aKeyworkerWithABreakGlassGrantReadsTheFamily() {
    caseload.grant("keyworker1", "family", "F-9");

    assertThat(access.toFamily(keyworker, "F-9"))
        .isEqualTo(new Decision.Allowed(Ground.BREAK_GLASS));
  }

  @Test
  void aGrantOnOneFamilyDoesNotOpenAnother() {
    caseload.grant("keyworker1", "family", "F-9");
    caseload.grant("keyworker2", "family", "F-8");

    assertThat(access.toFamily(keyworker, "F-8")).isInstanceOf(Decision.Denied.class);
  }

  @Test
  void aPersonIsOpenThroughAnyOfTheirFamiliesOnTheCaseload() {
    caseload.assign("keyworker1", "F-2");

    assertThat(access.toPerson(keyworker, "P-1", Set.of("F-1", "F-2")))
        .isEqualTo(new Decision.Allowed(Ground.CASELOAD));
  }

  @Test
  void aPersonWhoseFamiliesAreNotOnTheCaseloadIsRefused() {
    caseload.assign("keyworker1", "F-3");

    assertThat(access.toPerson(keyworker, "P-1", Set.of("F-1", "F-2")))
        .isEqualTo(
            new Decision.Denied(
                "this person is not on your caseload; record a reason to see them"));
  }

  @Test
  void aPersonIsOpenThroughAGrantOnThePersonOrOnOneOfTheirFamilies() {
    caseload.grant("keyworker1", "person", "P-1");
    caseload.grant("keyworker1", "family", "F-7");

    assertThat(access.toPerson(keyworker, "P-1", Set.of()))
        .isEqualTo(new Decision.Allowed(Ground.BREAK_GLASS));
    assertThat(access.toPerson(keyworker, "P-2", Set.of("F-6", "F-7")))
        .isEqualTo(new Decision.Allowed(Ground.BREAK_GLASS));
  }

  @Test
  void aGrantOnAFamilyNamedLikeThePersonDoesNotOpenThePerson() {
    // Grants are typed: a family grant never stands in for a person grant with the same id.
    caseload.grant("keyworker1", "family", "P-1");

    assertThat(access.toPerson(keyworker, "P-1", Set.of("F-1")))
        .isInstanceOf(Decision.Denied.class);
  }

  @Test
  void aLeadSearchesEveryFamilyAndAKeyworkerTheirCaseloadOnly() {
    caseload.assign("keyworker1", "F-1");
    caseload.assign("keyworker2", "F-2");

    assertThat(access.searchableFamilies(lead)).isNull();
    assertThat(access.searchableFamilies(keyworker)).containsExactly("F-1");
  }

  @Test
  void aRoleWithoutCaseDataSearchesNoFamily() {
    caseload.assign("steward", "F-1");

    assertThat(access.searchableFamilies(steward)).isEmpty();
    assertThat(access.searchableFamilies(user("auditor", Role.AUDITOR))).isEmpty();
  }

  /** Today's caseloads and live grants, as {@code Caseloads} would answer from PostgreSQL. */
  private static final class Caseload implements OpenCases {

    private final Map<String, Set<String>> families = new HashMap<>();
    private final Set<String> grants = new HashSet<>();

    void assign(String keyworker, String familyId) {
      families.computeIfAbsent(keyworker, k -> new HashSet<>()).add(familyId);
    }

    void grant(String username, String targetType, String targetId) {
      grants.add(username + "/" + targetType + "/" + targetId);
    }

    @Override
    public Set<String> currentFamilies(String keyworker) {
      return Set.copyOf(families.getOrDefault(keyworker, Set.of()));
    }

    @Override
    public boolean hasGrant(String username, String targetType, String targetId) {
      return grants.contains(username + "/" + targetType + "/" + targetId);
    }
  }
}

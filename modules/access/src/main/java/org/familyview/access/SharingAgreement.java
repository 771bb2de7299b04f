package org.familyview.access;

import java.time.Period;
import java.util.Map;
import java.util.Set;
import org.familyview.portal.identity.Role;

/**
 * One feed's data-sharing agreement.
 *
 * @param sharing event type → the roles it is shared with at {@code sensitive}
 * @param restrictedRoles the only roles that may read a {@code restricted} entry, and then only of
 *     a type shared with them
 */
public record SharingAgreement(
    String agency,
    String name,
    String contact,
    String lawfulBasis,
    String legalGateway,
    String specialCategoryCondition,
    Period retention,
    Map<String, Set<Role>> sharing,
    Set<Role> restrictedRoles) {

  public SharingAgreement {
    sharing = Map.copyOf(sharing);
    restrictedRoles = Set.copyOf(restrictedRoles);
  }

  boolean shares(String eventType, Set<Role> roles) {
    Set<Role> sharedWith = sharing.getOrDefault(eventType, Set.of());
    return roles.stream().anyMatch(sharedWith::contains);
  }

  boolean allowsRestricted(Set<Role> roles) {
    return roles.stream().anyMatch(restrictedRoles::contains);
  }
}

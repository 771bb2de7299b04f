package org.familyview.portal.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The realm roles of the {@code familyview} Keycloak realm. Spring authorities are {@code ROLE_}
 * followed by the Keycloak name, so {@code hasRole("data-steward")} reads like the realm.
 */
public enum Role {
  KEYWORKER("keyworker"),
  DATA_STEWARD("data-steward"),
  AGENCY_UPLOADER("agency-uploader"),
  SAFEGUARDING_LEAD("safeguarding-lead"),
  AUDITOR("auditor"),
  ADMIN("admin"),
  /** The MASH practitioner at the front door: contacts, partner checks, decisions. */
  FRONT_DOOR("front-door"),
  /** Answers front-door checks for one partner (the user's {@code agency}). */
  PARTNER_CHECKER("partner-checker");

  private final String realmName;

  Role(String realmName) {
    this.realmName = realmName;
  }

  public String realmName() {
    return realmName;
  }

  public String authority() {
    return "ROLE_" + realmName;
  }

  public static Optional<Role> fromRealmName(String name) {
    return Arrays.stream(values()).filter(r -> r.realmName.equals(name)).findFirst();
  }

  public static Optional<Role> fromAuthority(String authority) {
    return authority.startsWith("ROLE_")
        ? fromRealmName(authority.substring("ROLE_".length()))
        : Optional.empty();
  }
}

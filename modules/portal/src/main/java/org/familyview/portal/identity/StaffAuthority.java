package org.familyview.portal.identity;

import java.util.Optional;

/**
 * The local authority a member of staff belongs to. The access module answers it from the token's
 * {@code authority} claim and the configured authorities (in a single-authority deployment everyone
 * belongs to the one authority, whatever their token says).
 */
public interface StaffAuthority {

  Optional<String> of(CurrentUser user);

  /** Whether the deployment serves more than one authority; with one, every list spans it all. */
  default boolean several() {
    return false;
  }

  /**
   * The authority of whatever names none: a family with no usable address, and an audit entry
   * written before authorities or by no member of staff. Empty when there is only one.
   */
  default Optional<String> unplaced() {
    return Optional.empty();
  }
}

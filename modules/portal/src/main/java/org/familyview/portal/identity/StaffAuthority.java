package org.familyview.portal.identity;

import java.util.Optional;

/**
 * The local authority a member of staff belongs to. The access module answers it from the token's
 * {@code authority} claim and the configured authorities (in a single-authority deployment everyone
 * belongs to the one authority, whatever their token says).
 */
public interface StaffAuthority {

  Optional<String> of(CurrentUser user);
}

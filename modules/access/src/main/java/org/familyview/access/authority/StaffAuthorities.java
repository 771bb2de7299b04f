package org.familyview.access.authority;

import java.util.Optional;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.StaffAuthority;
import org.springframework.stereotype.Component;

/**
 * Which authority a member of staff works for: the one authority of a single-authority deployment,
 * otherwise their token's {@code authority} claim if it names a configured authority. Someone whose
 * claim is missing or names no configured authority belongs to none and sees no case data.
 */
@Component
public class StaffAuthorities implements StaffAuthority {

  private final Authorities authorities;

  public StaffAuthorities(Authorities authorities) {
    this.authorities = authorities;
  }

  @Override
  public Optional<String> of(CurrentUser user) {
    if (authorities.isSingle()) {
      return Optional.of(authorities.unplaced().id());
    }
    return authorities.byId(user.authority()).map(Authority::id);
  }

  @Override
  public boolean several() {
    return !authorities.isSingle();
  }

  @Override
  public Optional<String> unplaced() {
    return several() ? Optional.of(authorities.unplaced().id()) : Optional.empty();
  }
}

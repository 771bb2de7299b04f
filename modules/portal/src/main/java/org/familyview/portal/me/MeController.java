package org.familyview.portal.me;

import java.util.List;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.familyview.portal.identity.StaffAuthority;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

  record Me(
      String username,
      String name,
      List<String> roles,
      @Nullable String agency,
      @Nullable String team,
      @Nullable String authority) {}

  private final ObjectProvider<StaffAuthority> authorities;

  MeController(ObjectProvider<StaffAuthority> authorities) {
    this.authorities = authorities;
  }

  @GetMapping("/api/me")
  Me me(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    StaffAuthority staff = authorities.getIfAvailable();
    return new Me(
        user.username(),
        user.name(),
        user.roles().stream().map(Role::realmName).sorted().toList(),
        user.agency(),
        user.team(),
        staff == null ? user.authority() : staff.of(user).orElse(null));
  }
}

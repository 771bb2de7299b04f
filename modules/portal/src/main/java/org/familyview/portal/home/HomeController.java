package org.familyview.portal.home;

import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  @GetMapping("/")
  String home(Authentication authentication, Model model) {
    CurrentUser user = CurrentUser.of(authentication);
    model.addAttribute("user", user);
    model.addAttribute("roles", user.roles().stream().map(Role::realmName).sorted().toList());
    return "home";
  }
}

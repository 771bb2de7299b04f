package org.familyview.portal.home;

import java.util.ArrayList;
import java.util.List;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  private final List<HomePanel> panels;

  HomeController(List<HomePanel> panels) {
    this.panels = List.copyOf(panels);
  }

  @GetMapping("/")
  String home(Authentication authentication, Model model) {
    CurrentUser user = CurrentUser.of(authentication);
    model.addAttribute("user", user);
    List<String> fragments = new ArrayList<>();
    for (HomePanel panel : panels) {
      String fragment = panel.fill(user, model);
      if (fragment != null) {
        fragments.add(fragment);
      }
    }
    model.addAttribute("panels", fragments);
    model.addAttribute("roles", user.roles().stream().map(Role::realmName).sorted().toList());
    return "home";
  }
}

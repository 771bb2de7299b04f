package org.familyview.portal.home;

import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/**
 * A part of the home page that another module fills for the roles it serves (a keyworker's
 * families, a steward's queue). The portal does not know those modules; they plug in here.
 */
public interface HomePanel {

  /**
   * Adds what the panel shows to the model and returns its template fragment ("casefile/home ::
   * keyworker"), or null when the panel is not for this user.
   */
  @Nullable String fill(CurrentUser user, Model model);
}

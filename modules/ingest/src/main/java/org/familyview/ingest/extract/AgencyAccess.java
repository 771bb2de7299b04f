package org.familyview.ingest.extract;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.familyview.extracts.PartnerId;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;

/**
 * Who may send, and see, an agency's extracts and scorecard: an agency uploader whose Keycloak
 * {@code agency} attribute is that agency, or an admin. Nobody else, whatever other roles they
 * hold: an extract's rejects point at rows of the partner's own file.
 */
public sealed interface AgencyAccess {

  record Allowed() implements AgencyAccess {}

  record Denied(String reason) implements AgencyAccess {}

  static AgencyAccess of(CurrentUser user, PartnerId agency) {
    if (user.has(Role.ADMIN)) {
      return new Allowed();
    }
    if (!user.has(Role.AGENCY_UPLOADER)) {
      return new Denied("only an agency uploader or an admin may send or see extracts");
    }
    if (user.agency() == null || !agency.code().equalsIgnoreCase(user.agency().strip())) {
      return new Denied("an agency uploader may send and see only their own agency's extracts");
    }
    return new Allowed();
  }

  /** The partners whose extracts a user may see: every one for an admin, at most one else. */
  static Set<PartnerId> visibleTo(CurrentUser user, Collection<PartnerId> partners) {
    Set<PartnerId> visible = new LinkedHashSet<>();
    for (PartnerId agency : partners) {
      if (of(user, agency) instanceof Allowed) {
        visible.add(agency);
      }
    }
    return visible;
  }
}

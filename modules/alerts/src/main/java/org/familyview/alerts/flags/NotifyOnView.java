package org.familyview.alerts.flags;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.familyview.alerts.inbox.Inbox;
import org.familyview.alerts.inbox.KnownUsers;
import org.familyview.casefile.CaseFlags;
import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * CP-IS's notify-on-view: when someone outside a flag's owning team opens a flagged child's record,
 * each known member of the owning team is told, once per viewer, child and day. The reason names
 * the viewer and their team (who looked is the owning team's business) but not the child: the link
 * leads to the record through the casefile's own rules.
 */
@Component
class NotifyOnView {

  static final String KIND = "FLAGGED_RECORD_OPENED";

  private final Inbox inbox;
  private final KnownUsers users;
  private final FlagProperties properties;
  private final Clock clock = Clock.systemUTC();

  NotifyOnView(Inbox inbox, KnownUsers users, FlagProperties properties) {
    this.inbox = inbox;
    this.users = users;
    this.properties = properties;
  }

  void opened(CurrentUser viewer, String person, List<CaseFlags.Flag> flags, String where) {
    List<String> ownerKeys =
        flags.stream().map(f -> ownerKeyOf(f)).filter(Objects::nonNull).distinct().toList();
    for (String key : ownerKeys) {
      FlagProperties.Owner owner = properties.owners().get(key);
      if (owner == null || owner.teamId().equals(viewer.team())) {
        continue;
      }
      for (String member : users.members(owner.teamId())) {
        if (member.equals(viewer.username())) {
          continue;
        }
        inbox.post(
            member,
            KIND,
            "A flagged record your team owns was opened by "
                + viewer.username()
                + (viewer.team() == null ? "" : " (team " + viewer.team() + ")")
                + " on the "
                + where,
            "/persons/" + person,
            "view:" + person + ":" + viewer.username() + ":" + LocalDate.now(clock));
      }
    }
  }

  /** The configured owner a shown flag came from, found again by its authority and team. */
  private @Nullable String ownerKeyOf(CaseFlags.Flag flag) {
    return properties.owners().entrySet().stream()
        .filter(
            e ->
                e.getValue().authority().equals(flag.owner().authority())
                    && e.getValue().team().equals(flag.owner().team()))
        .map(java.util.Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }
}

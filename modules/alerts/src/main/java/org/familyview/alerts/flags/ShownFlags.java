package org.familyview.alerts.flags;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.casefile.CaseFlags;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The casefile's flags: those of the persons shown that are visible today, with their owner's
 * contacts from the configuration. Every showing of a flag is audited (one entry per flagged
 * person, naming the flag types and where they were shown); a record opened by someone outside the
 * owning team is told to that team ({@link NotifyOnView}).
 */
@Component
class ShownFlags implements CaseFlags {

  private final JdbcClient jdbc;
  private final FlagProperties properties;
  private final AuditTrail audit;
  private final NotifyOnView notifyOnView;
  private final Clock clock = Clock.systemUTC();

  ShownFlags(
      JdbcClient jdbc, FlagProperties properties, AuditTrail audit, NotifyOnView notifyOnView) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.audit = audit;
    this.notifyOnView = notifyOnView;
  }

  @Override
  public List<Flag> show(
      Collection<String> personIds, Authentication viewer, Showing showing, String where) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    List<Flag> flags = visible(personIds, LocalDate.now(clock));
    if (flags.isEmpty()) {
      return flags;
    }
    CurrentUser user = CurrentUser.of(viewer);
    Map<String, List<Flag>> byPerson =
        flags.stream().collect(Collectors.groupingBy(Flag::personId));
    byPerson.forEach((person, own) -> audited(user, person, own, where));
    if (showing == Showing.OPENED) {
      byPerson.forEach((person, own) -> notifyOnView.opened(user, person, own, where));
    }
    return flags;
  }

  List<Flag> visible(Collection<String> personIds, LocalDate today) {
    return jdbc.sql(
            """
            select person_id, type, starts_on, ends_on, owner from flag
            where person_id = any(?) and (visible_until is null or visible_until >= ?)
            order by person_id, starts_on desc, type
            """)
        .params(personIds.toArray(String[]::new), Date.valueOf(today))
        .query(
            (rs, n) ->
                flag(
                    rs.getString("person_id"),
                    rs.getString("type"),
                    rs.getDate("starts_on").toLocalDate(),
                    rs.getDate("ends_on") == null ? null : rs.getDate("ends_on").toLocalDate(),
                    rs.getString("owner")))
        .list();
  }

  private Flag flag(
      String person, String type, LocalDate since, @Nullable LocalDate until, String ownerKey) {
    FlagProperties.Owner owner = properties.owners().get(ownerKey);
    // The configuration may have lost this owner since the night's derivation: show the flag
    // anyway, under the owner's key and with no contact.
    Owner shownOwner =
        owner == null ? new Owner(ownerKey, ownerKey) : new Owner(owner.authority(), owner.team());
    Contact contact =
        owner == null
            ? new Contact("not configured", "not configured")
            : new Contact(owner.officeHours(), owner.outOfHours());
    return new Flag(person, type, properties.label(type), since, until, shownOwner, contact);
  }

  private void audited(CurrentUser user, String person, List<Flag> flags, String where) {
    audit.record(
        AuditEvent.of(
                user.username(),
                user.roles().stream().map(Role::realmName).collect(Collectors.toSet()),
                AuditAction.FLAG_SHOWN)
            .on("person", person)
            .withDetail(
                flags.stream().map(Flag::type).distinct().collect(Collectors.joining(","))
                    + " shown on "
                    + where));
  }
}

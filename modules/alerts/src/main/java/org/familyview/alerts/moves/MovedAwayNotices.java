package org.familyview.alerts.moves;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.familyview.access.authority.Authorities;
import org.familyview.access.authority.Authority;
import org.familyview.access.authority.Move;
import org.familyview.access.authority.Places;
import org.familyview.access.caseload.Caseloads;
import org.familyview.alerts.flags.NightlyFlags;
import org.familyview.alerts.inbox.Inbox;
import org.familyview.alerts.inbox.KnownUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the old authority that a family has moved across the border, once per move and recipient
 * (the inbox's dedupe key names the family, the two authorities and the day), however many nights
 * the move stays within the read period. Recipients: the keyworkers holding the family today, less
 * any known to work for another authority (the new one may already have given it to its own); when
 * none is left, the old authority's known safeguarding leads. The reason names the new authority
 * and the last day of read access, never the family or its people.
 */
@Component
public class MovedAwayNotices {

  static final String KIND = "FAMILY_MOVED_AWAY";
  static final String LEAD = "safeguarding-lead";

  private static final Logger log = LoggerFactory.getLogger(MovedAwayNotices.class);

  private final Places places;
  private final Caseloads caseloads;
  private final KnownUsers users;
  private final Inbox inbox;
  private final Clock clock;

  @Autowired
  MovedAwayNotices(Places places, Caseloads caseloads, KnownUsers users, Inbox inbox) {
    this(places, caseloads, users, inbox, Clock.systemUTC());
  }

  MovedAwayNotices(Places places, Caseloads caseloads, KnownUsers users, Inbox inbox, Clock clock) {
    this.places = places;
    this.caseloads = caseloads;
    this.users = users;
    this.inbox = inbox;
    this.clock = clock;
  }

  /** A move the old authority still reads, of one family. */
  record Moved(String familyId, Move move) {}

  @EventListener
  void flagsDerived(NightlyFlags.FlagsDerived derived) {
    log.info("Moved-family notices after run {}: {} posted", derived.runId(), announce());
  }

  /** Announces every move still within its read period; the number of notices newly posted. */
  public int announce() {
    if (places.authorities().isSingle()) {
      return 0;
    }
    List<Moved> moves = stillRead(LocalDate.now(clock));
    Map<String, List<String>> holders =
        caseloads.holders(moves.stream().map(Moved::familyId).distinct().toList());
    int posted = 0;
    for (Moved moved : moves) {
      for (String recipient :
          recipients(moved, holders.getOrDefault(moved.familyId(), List.of()))) {
        posted += post(recipient, moved);
      }
    }
    return posted;
  }

  /** Each family's latest move out of an authority that still reads it today. */
  private List<Moved> stillRead(LocalDate today) {
    List<Moved> moves = new ArrayList<>();
    places
        .all()
        .forEach(
            (familyId, place) ->
                place.moves().stream()
                    .filter(m -> m.stillReadableBy(m.from(), today) && !m.on().isAfter(today))
                    .filter(m -> !m.from().equals(place.authority()))
                    .forEach(m -> moves.add(new Moved(familyId, m))));
    return moves;
  }

  private List<String> recipients(Moved moved, List<String> holding) {
    Map<String, String> known = users.authorityOf(holding);
    List<String> ours =
        holding.stream()
            .filter(k -> !known.containsKey(k) || known.get(k).equals(moved.move().from()))
            .toList();
    return ours.isEmpty() ? users.holdingRole(LEAD, moved.move().from()) : ours;
  }

  private int post(String recipient, Moved moved) {
    Move move = moved.move();
    String key =
        "moved:" + moved.familyId() + ":" + move.from() + ":" + move.to() + ":" + move.on();
    String reason =
        "A family of "
            + name(move.from())
            + " has moved to "
            + name(move.to())
            + " (from "
            + move.on()
            + "); "
            + name(move.from())
            + " can read it until "
            + move.readUntil().minusDays(1)
            + ".";
    return inbox.post(recipient, KIND, reason, "/families/" + moved.familyId(), key)
            instanceof Inbox.Posting.Posted
        ? 1
        : 0;
  }

  private String name(String authority) {
    Authorities all = places.authorities();
    return all.byId(authority).map(Authority::name).orElse(Objects.requireNonNull(authority));
  }
}

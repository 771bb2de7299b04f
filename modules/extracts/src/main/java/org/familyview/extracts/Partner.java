package org.familyview.extracts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An organisation that shares data with FamilyView, as configured in one file of {@code
 * config/partners/}. Adding one is a configuration change and a restart: no code, no migration.
 *
 * @param id the id used in URLs, drop folders, the uploader's Keycloak {@code agency} attribute
 * @param name the name people read, e.g. in chronologies
 * @param kind which standard vocabulary it uses
 * @param authorities the local authorities it serves (authority ids, e.g. {@code northshire})
 * @param contact whom a redaction notice tells the reader to ask
 * @param feeds how its extracts arrive
 * @param agreement the id of its data-sharing agreement in {@code config/sharing/}
 * @param ownTypes event types it adds to its kind's vocabulary (codes prefixed by the kind)
 */
public record Partner(
    PartnerId id,
    String name,
    PartnerKind kind,
    List<String> authorities,
    String contact,
    Set<Feed> feeds,
    String agreement,
    List<EventType> ownTypes) {

  public Partner {
    authorities = List.copyOf(authorities);
    feeds = Set.copyOf(feeds);
    ownTypes = List.copyOf(ownTypes);
  }

  /** How a partner's extracts arrive. */
  public enum Feed {
    /** {@code POST /api/extracts/{partner}} by the partner's uploader account. */
    UPLOAD,
    /** Files left in {@code ./var/inbox/{partner}/}. */
    DROP_FOLDER;

    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Feed> fromCode(String code) {
      for (Feed feed : values()) {
        if (feed.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
          return Optional.of(feed);
        }
      }
      return Optional.empty();
    }
  }

  public boolean delivers(Feed feed) {
    return feeds.contains(feed);
  }
}

package org.familyview.casefile;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * The flags shown beside a person wherever the casefile shows one (search results, the person and
 * family pages, the chronology and its PDF, {@code GET /api/persons/{id}}). A plug-in: the module
 * that derives flags implements it (alerts), so that the casefile knows no flag rule; without one
 * nothing is shown. Each call is a showing, which the implementation audits and, for a record
 * opened, may notify the owning team of.
 */
public interface CaseFlags {

  /** How the persons are being shown: their record opened, or only listed (search results). */
  enum Showing {
    OPENED,
    LISTED
  }

  /**
   * The flags of these persons visible today, in a stable order.
   *
   * @param where what showed them, for the audit trail (e.g. {@code person page})
   */
  List<Flag> show(
      Collection<String> personIds, Authentication viewer, Showing showing, String where);

  /** No flag module present. */
  CaseFlags NONE = (ids, viewer, showing, where) -> List.of();

  /**
   * One flag as shown: {@code GET /api/persons/{id}} writes {@code type}, {@code since}, {@code
   * until}, {@code owner} and {@code contact}.
   */
  record Flag(
      String personId,
      String type,
      String label,
      LocalDate since,
      @Nullable LocalDate until,
      Owner owner,
      Contact contact) {}

  /** The authority and team that own the flag. */
  record Owner(String authority, String team) {}

  /** Whom to call, in and out of office hours. */
  record Contact(String officeHours, String outOfHours) {}
}

package org.familyview.access;

import java.util.Optional;

/**
 * Whom a redaction notice tells the reader to ask about a partner's record: the contact the
 * partner's own configuration names ({@code config/partners}), which the module that reads that
 * configuration supplies. Empty for a partner that names none, whose notice falls back to its
 * data-sharing agreement's contact.
 */
@FunctionalInterface
public interface PartnerContacts {

  /** None: every notice names the agreement's contact. */
  PartnerContacts NONE = agency -> Optional.empty();

  /**
   * @param agency the partner's code as entries carry it ({@code police}, {@code health-south})
   */
  Optional<String> of(String agency);
}

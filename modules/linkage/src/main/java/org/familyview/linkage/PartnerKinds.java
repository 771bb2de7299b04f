package org.familyview.linkage;

import java.util.List;
import java.util.Locale;

/**
 * What review needs to know of the configured partners, which linkage does not read itself: which
 * are police forces (a task naming a police record is raised first and its decision needs a second
 * steward), and which partners a steward can filter the queue by. The application supplies it from
 * {@code config/partners}, so a second force or a housing provider is treated by its kind, never by
 * its id; without one, version 1's four agencies.
 */
public interface PartnerKinds {

  /** Whether the partner (its id, in either case) is a police force. */
  boolean isPolice(String agency);

  /** Every partner's id as records store it ({@code POLICE}, {@code HEALTH-SOUTH}), by kind. */
  List<String> stored();

  /** Version 1's four agencies: {@code police} is the one force. */
  PartnerKinds V1 =
      new PartnerKinds() {
        @Override
        public boolean isPolice(String agency) {
          return "police".equals(agency.toLowerCase(Locale.ROOT));
        }

        @Override
        public List<String> stored() {
          return List.of("POLICE", "HEALTH", "COUNCIL", "EDUCATION");
        }
      };
}

package org.familyview.app.partners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.familyview.access.SharingAgreement;
import org.familyview.extracts.Partner;
import org.familyview.extracts.Partners;
import org.familyview.extracts.PartnersInvalid;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Every configured partner shares under an agreement: checked at start-up, all partners at once,
 * because a partner without one would have every entry it records redacted for every reader (no
 * agreement, no lawful basis) and nobody would learn why. The two folders are read by their own
 * modules; only the application sees both.
 */
@Component
class PartnerAgreements {

  PartnerAgreements(
      Partners partners, @Qualifier("sharingAgreements") Map<String, SharingAgreement> agreements) {
    List<String> problems = new ArrayList<>();
    for (Partner partner : partners.all()) {
      SharingAgreement agreement = agreements.get(partner.agreement());
      if (agreement == null) {
        problems.add(
            "partner "
                + partner.id()
                + ": agreement: there is no data-sharing agreement '"
                + partner.agreement()
                + "' in the sharing folder");
      } else if (!agreement.agency().equals(partner.id().code())) {
        // Disclosure looks agreements up by the partner that recorded the entry.
        problems.add(
            "partner "
                + partner.id()
                + ": agreement: '"
                + partner.agreement()
                + "' is the agreement of "
                + agreement.agency()
                + ", not of this partner");
      }
    }
    if (!problems.isEmpty()) {
      throw new PartnersInvalid(problems);
    }
  }
}

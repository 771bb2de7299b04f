package org.familyview.ingest.partners;

import java.util.List;
import org.familyview.extracts.Partner;
import org.familyview.extracts.Partners;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who shares data with FamilyView: what a partner's developer or a member of staff needs to know of
 * each (the id to upload to, the name, the kind, the authorities served), not the contacts or
 * agreements, which stay in configuration.
 */
@RestController
class PartnersController {

  private final Partners partners;

  PartnersController(Partners partners) {
    this.partners = partners;
  }

  /** One partner as {@code GET /api/partners} lists it. */
  record PartnerView(String id, String name, String kind, List<String> authorities) {
    static PartnerView of(Partner partner) {
      return new PartnerView(
          partner.id().code(), partner.name(), partner.kind().code(), partner.authorities());
    }
  }

  @GetMapping("/api/partners")
  List<PartnerView> partners() {
    return partners.all().stream().map(PartnerView::of).toList();
  }
}

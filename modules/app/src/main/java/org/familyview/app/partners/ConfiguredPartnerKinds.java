package org.familyview.app.partners;

import java.util.Comparator;
import java.util.List;
import org.familyview.extracts.Partner;
import org.familyview.extracts.PartnerKind;
import org.familyview.extracts.Partners;
import org.familyview.linkage.PartnerKinds;
import org.springframework.stereotype.Component;

/**
 * Review's view of the configured partners: linkage and review do not read {@code config/partners}
 * (only the application sees both), so the application tells them which partners are police forces
 * and which the queue can be filtered by.
 */
@Component
class ConfiguredPartnerKinds implements PartnerKinds {

  private final Partners partners;

  ConfiguredPartnerKinds(Partners partners) {
    this.partners = partners;
  }

  @Override
  public boolean isPolice(String agency) {
    return partners.find(agency).map(p -> p.kind() == PartnerKind.POLICE).orElse(false);
  }

  @Override
  public List<String> stored() {
    return partners.all().stream()
        .sorted(Comparator.comparing(Partner::kind))
        .map(p -> p.id().stored())
        .toList();
  }
}

package org.familyview.casefile;

import java.util.List;
import java.util.Optional;
import org.familyview.access.PartnerContacts;
import org.familyview.extracts.Partner;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.Partners;
import org.familyview.extracts.Vocabulary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The configured partners as case views need them: whose feeds to show, what each is called, and
 * the labels of every partner's event types (its own included). Version 1's four agencies when the
 * application configures none, as in this module's own tests.
 */
@Component
public class CasePartners implements PartnerContacts {

  private final Partners partners;
  // Version 1's stand-ins name no real contact: without configuration the agreements' do.
  private final boolean configured;

  @Autowired
  public CasePartners(ObjectProvider<Partners> partners) {
    Partners configuration = partners.getIfAvailable();
    this.partners = configuration == null ? Partners.v1() : configuration;
    this.configured = configuration != null;
  }

  CasePartners(Partners partners) {
    this.partners = partners;
    this.configured = true;
  }

  /** Every configured partner's code ({@code police}), in configuration order. */
  public List<String> codes() {
    return partners.ids().stream().map(PartnerId::code).toList();
  }

  /**
   * The name configured for a partner ({@code Shires Police}); a partner no longer configured keeps
   * its records, shown under its id's title.
   */
  public String name(String code) {
    return partners.find(code).map(Partner::name).orElseGet(() -> Agencies.title(code));
  }

  /** The contact the partner's configuration names, which redaction notices give. */
  @Override
  public Optional<String> of(String agency) {
    if (!configured) {
      return Optional.empty();
    }
    return partners.find(Agencies.code(agency)).map(Partner::contact).filter(c -> !c.isBlank());
  }

  public Vocabulary vocabulary() {
    return partners.vocabulary();
  }

  /** The label of an event type, a partner's own types included; the code when there is none. */
  public String label(String type) {
    return partners.vocabulary().byCode(type).map(t -> t.label()).orElse(type);
  }
}

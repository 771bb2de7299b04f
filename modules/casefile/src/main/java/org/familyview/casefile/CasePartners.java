package org.familyview.casefile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.familyview.access.PartnerContacts;
import org.familyview.extracts.Partner;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PartnerKind;
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

  /** Version 1's four agencies, as a case view without configuration shows them. */
  public static CasePartners v1() {
    return new CasePartners(Partners.v1());
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
    return partners
        .find(Agencies.code(code))
        .map(Partner::name)
        .orElseGet(() -> Agencies.title(code));
  }

  /**
   * These partners' codes in the order pages show them (timeline lanes, summary rows, filters): by
   * kind (police, health, council, education, housing, other), then as configured, so that a second
   * NHS trust sits beside the first; codes no longer configured last, by code.
   */
  public List<String> inOrder(Collection<String> codes) {
    Set<String> wanted = new LinkedHashSet<>();
    codes.forEach(c -> wanted.add(Agencies.code(c)));
    List<String> ordered =
        partners.all().stream()
            .sorted(Comparator.comparing(Partner::kind))
            .map(p -> p.id().code())
            .filter(wanted::contains)
            .collect(Collectors.toCollection(ArrayList::new));
    wanted.stream().filter(c -> !ordered.contains(c)).sorted().forEach(ordered::add);
    return ordered;
  }

  /** Every configured partner, in page order. */
  public List<String> inOrder() {
    return inOrder(codes());
  }

  /** The kind of a configured partner; empty for a code nobody configures now. */
  public Optional<PartnerKind> kind(String code) {
    return partners.find(Agencies.code(code)).map(Partner::kind);
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

package org.familyview.extracts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured partners, in the order of their files. Built once at start-up from {@code
 * config/partners/} ({@link #load}); when no folder is configured, {@link #v1()} stands in: version
 * 1's four agencies, so that a deployment that never configured partners behaves as before.
 */
public final class Partners {

  private final Map<PartnerId, Partner> byId;
  private final Vocabulary vocabulary;

  private Partners(List<Partner> partners, Vocabulary standard) {
    Map<PartnerId, Partner> ids = new LinkedHashMap<>();
    for (Partner partner : partners) {
      if (ids.putIfAbsent(partner.id(), partner) != null) {
        throw new IllegalArgumentException("partner listed twice: " + partner.id());
      }
    }
    this.byId = ids;
    this.vocabulary = standard.extendedFor(partners);
  }

  public static Partners of(List<Partner> partners) {
    return new Partners(partners, Vocabulary.kinds());
  }

  /** Reads every {@code *.yaml} of {@code folder}; {@link PartnersInvalid} lists every problem. */
  public static Partners load(Path folder) {
    return of(PartnerFiles.read(folder, Vocabulary.kinds()));
  }

  /** Version 1's four agencies, each of its own kind, serving the one configured authority. */
  public static Partners v1() {
    return V1;
  }

  private static final Partners V1 =
      of(
          List.of(
              v1(PartnerId.POLICE, "Police", PartnerKind.POLICE),
              v1(PartnerId.HEALTH, "Health", PartnerKind.HEALTH),
              v1(PartnerId.COUNCIL, "Council", PartnerKind.COUNCIL),
              v1(PartnerId.EDUCATION, "Education", PartnerKind.EDUCATION)));

  private static Partner v1(PartnerId id, String name, PartnerKind kind) {
    return new Partner(
        id,
        name,
        kind,
        List.of(),
        "the " + id.code() + " data-sharing lead",
        Set.of(Partner.Feed.UPLOAD, Partner.Feed.DROP_FOLDER),
        id.code(),
        List.of());
  }

  public List<Partner> all() {
    return List.copyOf(byId.values());
  }

  public List<PartnerId> ids() {
    return List.copyOf(byId.keySet());
  }

  public Optional<Partner> find(PartnerId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** A partner by id as a URL or a person writes it; empty for an id nobody configured. */
  public Optional<Partner> find(String code) {
    return PartnerId.fromCode(code).flatMap(this::find);
  }

  /** The partner a stored value ({@code POLICE}) names, if it is still configured. */
  public Optional<Partner> findStored(String stored) {
    return find(stored);
  }

  /** The partners' vocabulary: every kind's standard types and each partner's own. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The partners' ids with a given feed. */
  public List<PartnerId> delivering(Partner.Feed feed) {
    List<PartnerId> ids = new ArrayList<>();
    for (Partner partner : byId.values()) {
      if (partner.delivers(feed)) {
        ids.add(partner.id());
      }
    }
    return ids;
  }
}

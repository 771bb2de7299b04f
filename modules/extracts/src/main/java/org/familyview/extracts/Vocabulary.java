package org.familyview.extracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The event types each partner may use: its kind's standard types, read from {@code
 * vocabularies.csv} in this package (a data file rather than code, so that adding a type is a
 * reviewed one-line change and the contract document can be checked against it), and the types its
 * own configuration adds. Codes are prefixed by the kind, so that partners of one kind share codes,
 * labels and sharing rules.
 */
public final class Vocabulary {

  private static final Vocabulary KINDS = load();

  private final Map<String, EventType> byCode;
  private final Map<PartnerKind, List<EventType>> byKind;
  private final Map<PartnerId, Partner> partners;

  Vocabulary(List<EventType> types) {
    this(types, Map.of());
  }

  private Vocabulary(List<EventType> standard, Map<PartnerId, Partner> partners) {
    Map<String, EventType> codes = new LinkedHashMap<>();
    Map<PartnerKind, List<EventType>> kinds = new LinkedHashMap<>();
    for (EventType type : standard) {
      if (codes.put(type.code(), type) != null) {
        throw new IllegalArgumentException("event type listed twice: " + type.code());
      }
      kinds.computeIfAbsent(type.kind(), k -> new ArrayList<>()).add(type);
    }
    for (Partner partner : partners.values()) {
      for (EventType own : partner.ownTypes()) {
        EventType before = codes.putIfAbsent(own.code(), own);
        if (before != null && !before.equals(own)) {
          throw new IllegalArgumentException("event type defined twice: " + own.code());
        }
      }
    }
    this.byCode = codes;
    Map<PartnerKind, List<EventType>> frozen = new LinkedHashMap<>();
    kinds.forEach((kind, list) -> frozen.put(kind, List.copyOf(list)));
    this.byKind = frozen;
    this.partners = Map.copyOf(partners);
  }

  /** The vocabulary of contract v1's four agencies (the default partners). */
  public static Vocabulary standard() {
    return Partners.v1().vocabulary();
  }

  /** Every kind's standard types, no partner's own. */
  static Vocabulary kinds() {
    return KINDS;
  }

  /**
   * This vocabulary with the partners' own types added; a code added by two partners of a kind must
   * mean the same type (checked when the configuration is read).
   */
  Vocabulary extendedFor(List<Partner> list) {
    Map<PartnerId, Partner> ids = new LinkedHashMap<>();
    list.forEach(partner -> ids.put(partner.id(), partner));
    List<EventType> standard = new ArrayList<>();
    byKind.values().forEach(standard::addAll);
    return new Vocabulary(standard, ids);
  }

  /** The standard types of one kind, in the order of the vocabulary file. */
  public List<EventType> types(PartnerKind kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The types one partner may use: its kind's, then its own; none for an unknown partner. */
  public List<EventType> types(PartnerId partnerId) {
    Partner partner = partners.get(partnerId);
    if (partner == null) {
      return List.of();
    }
    List<EventType> types = new ArrayList<>(types(partner.kind()));
    types.addAll(partner.ownTypes());
    return List.copyOf(types);
  }

  /** Every type: the standard ones by kind, then the partners' own, in configuration order. */
  public List<EventType> all() {
    List<EventType> all = new ArrayList<>();
    for (PartnerKind kind : PartnerKind.values()) {
      all.addAll(types(kind));
    }
    byCode.values().stream().filter(t -> !all.contains(t)).forEach(all::add);
    return List.copyOf(all);
  }

  /**
   * Finds a type of {@code partner} by its code, with or without the kind prefix and in any case: a
   * police file may say {@code domestic_abuse_incident} or {@code police.domestic_abuse_incident},
   * but not {@code health.ae_attendance}, nor another housing provider's own type.
   */
  public Optional<EventType> find(PartnerId partnerId, String code) {
    Partner partner = partners.get(partnerId);
    if (partner == null) {
      return Optional.empty();
    }
    String normal = code.strip().toLowerCase(Locale.ROOT);
    String prefix = partner.kind().code() + ".";
    String full = normal.startsWith(prefix) ? normal : prefix + normal;
    return types(partnerId).stream().filter(t -> t.code().equals(full)).findFirst();
  }

  public Optional<EventType> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  private static Vocabulary load() {
    try (InputStream in =
            Objects.requireNonNull(
                Vocabulary.class.getResourceAsStream("vocabularies.csv"),
                "vocabularies.csv is missing from the extracts jar");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      List<EventType> types = new ArrayList<>();
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord row : format.parse(reader)) {
        types.add(type(row));
      }
      return new Vocabulary(types);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EventType type(CSVRecord row) {
    String code = row.get("code");
    PartnerKind kind =
        PartnerKind.fromCode(code.substring(0, code.indexOf('.')))
            .orElseThrow(() -> new IllegalStateException("no partner kind for type " + code));
    String criterion = row.get("criterion");
    return new EventType(
        code,
        kind,
        row.get("label"),
        detail(row.get("detail"), row.get("detail_values")),
        criterion.isEmpty()
            ? null
            : SupportingFamiliesCriterion.valueOf(criterion.toUpperCase(Locale.ROOT)));
  }

  /** The qualifier as the vocabulary file and partner configuration write it. */
  static Detail detail(String name, String values) {
    if (name.isEmpty()) {
      return new Detail.None();
    }
    if (values.equals("count")) {
      return new Detail.Count(name);
    }
    return new Detail.OneOf(name, List.of(values.split("\\|")));
  }
}

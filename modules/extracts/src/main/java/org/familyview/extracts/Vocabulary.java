package org.familyview.extracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The event types each agency may use, read from {@code vocabularies.csv} in this package: a data
 * file rather than code, so that adding a type is a reviewed one-line change and the contract
 * document can be checked against it.
 */
public final class Vocabulary {

  private static final Vocabulary STANDARD = load();

  private final Map<String, EventType> byCode;
  private final Map<Agency, List<EventType>> byAgency;

  Vocabulary(List<EventType> types) {
    Map<String, EventType> codes = new HashMap<>();
    Map<Agency, List<EventType>> agencies = new EnumMap<>(Agency.class);
    for (EventType type : types) {
      if (codes.put(type.code(), type) != null) {
        throw new IllegalArgumentException("event type listed twice: " + type.code());
      }
      agencies.computeIfAbsent(type.agency(), a -> new ArrayList<>()).add(type);
    }
    this.byCode = Map.copyOf(codes);
    Map<Agency, List<EventType>> frozen = new EnumMap<>(Agency.class);
    agencies.forEach((agency, list) -> frozen.put(agency, List.copyOf(list)));
    this.byAgency = frozen;
  }

  /** The vocabulary of contract v1. */
  public static Vocabulary standard() {
    return STANDARD;
  }

  /** The types of one agency, in the order of the vocabulary file. */
  public List<EventType> types(Agency agency) {
    return byAgency.getOrDefault(agency, List.of());
  }

  public List<EventType> all() {
    return Arrays.stream(Agency.values()).flatMap(a -> types(a).stream()).toList();
  }

  /**
   * Finds a type of {@code agency} by its code, with or without the agency prefix and in any case:
   * a police file may say {@code domestic_abuse_incident} or {@code
   * police.domestic_abuse_incident}, but not {@code health.ae_attendance}.
   */
  public Optional<EventType> find(Agency agency, String code) {
    String normal = code.strip().toLowerCase(Locale.ROOT);
    String prefix = agency.code() + ".";
    return Optional.ofNullable(byCode.get(normal.startsWith(prefix) ? normal : prefix + normal));
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
    Agency agency =
        Agency.fromCode(code.substring(0, code.indexOf('.')))
            .orElseThrow(() -> new IllegalStateException("no agency for type " + code));
    String detailName = row.get("detail");
    String values = row.get("detail_values");
    Detail detail;
    if (detailName.isEmpty()) {
      detail = new Detail.None();
    } else if (values.equals("count")) {
      detail = new Detail.Count(detailName);
    } else {
      detail = new Detail.OneOf(detailName, List.of(values.split("\\|")));
    }
    String criterion = row.get("criterion");
    return new EventType(
        code,
        agency,
        row.get("label"),
        detail,
        criterion.isEmpty()
            ? null
            : SupportingFamiliesCriterion.valueOf(criterion.toUpperCase(Locale.ROOT)));
  }
}

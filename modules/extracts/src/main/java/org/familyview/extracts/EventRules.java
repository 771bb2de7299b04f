package org.familyview.extracts;

import static org.familyview.extracts.EventColumn.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The row rules of {@code events.csv} (contract v1). Rejected: no event_id, record_id or type; a
 * duplicate event_id (the later row); a record_id the agency has no person for; a type not in the
 * agency's vocabulary. Kept with a warning: an unreadable occurred_at (dropped), a detail the type
 * does not take (dropped), an unknown role (dropped), a summary over 2,000 characters (cut), an
 * unknown sensitivity (read as restricted: when in doubt, show less).
 */
final class EventRules implements RowRules<EventColumn, EventRecord> {

  static final int MAX_SUMMARY = 2000;

  private final PartnerId agency;
  private final Vocabulary vocabulary;
  private final KnownPersons knownPersons;
  private final LocalDate extractDate;
  private final Findings findings;
  private final SeenIds seen = new SeenIds();
  private final ContentHash hash = new ContentHash();

  EventRules(
      PartnerId agency, Vocabulary vocabulary, KnownPersons knownPersons, LocalDate extractDate) {
    this.agency = agency;
    this.vocabulary = vocabulary;
    this.knownPersons = knownPersons;
    this.extractDate = extractDate;
    this.findings = new Findings(ExtractFile.EVENTS.fileName());
  }

  @Override
  public RowOutcome<EventRecord> apply(RowValues<EventColumn> row, long line) {
    findings.startRow(line);
    FieldText.Id eventId = FieldText.id(row.raw(EVENT_ID));
    RowOutcome<EventRecord> refused =
        IdRule.check(findings, EVENT_ID, eventId, PersonRules.MAX_ID_LENGTH);
    if (refused != null || eventId.value() == null) {
      return refused;
    }
    FieldText.Id recordId = FieldText.id(row.raw(RECORD_ID));
    refused = IdRule.check(findings, RECORD_ID, recordId, Integer.MAX_VALUE);
    if (refused != null || recordId.value() == null) {
      return refused;
    }
    String typeCode = row.raw(TYPE).strip();
    if (typeCode.isEmpty()) {
      return findings.reject(TYPE, ProblemCode.MISSING_REQUIRED, "type is missing");
    }
    Optional<EventType> found = vocabulary.find(agency, typeCode);
    if (found.isEmpty()) {
      return findings.reject(
          TYPE, ProblemCode.UNKNOWN_TYPE, "type is not in the " + agency.code() + " vocabulary");
    }
    if (!knownPersons.isKnown(recordId.value())) {
      return findings.reject(
          RECORD_ID,
          ProblemCode.UNKNOWN_PERSON,
          "record_id matches no person of this agency in this or an earlier extract");
    }
    long first = seen.putIfAbsent(eventId.value(), line);
    if (first != 0) {
      return findings.repeated(EVENT_ID, first);
    }
    return new RowOutcome.Accepted<>(
        record(row, line, eventId.value(), recordId.value(), found.get()), findings.warnings());
  }

  /** The optional values of an accepted row, each read by its rule, and the content hash. */
  private EventRecord record(
      RowValues<EventColumn> row, long line, String eventId, String recordId, EventType type) {
    LocalDate occurredOn = null;
    LocalTime occurredTime = null;
    ContractDates.Parsed occurred = occurredAt(row.raw(OCCURRED_AT));
    if (occurred != null) {
      occurredOn = occurred.date();
      occurredTime = occurred.dateTime() == null ? null : occurred.dateTime().toLocalTime();
    }
    String detail = detail(type, row.raw(DETAIL));
    EventRole role = role(row.raw(ROLE));
    String summary = summary(row.raw(SUMMARY));
    Sensitivity sensitivity = sensitivity(row.raw(SENSITIVITY));
    String contentHash =
        hash.add(eventId)
            .add(recordId)
            .add(occurredOn)
            .add(occurredTime)
            .add(type.code())
            .add(detail)
            .add(role)
            .add(summary)
            .add(sensitivity)
            .finish();
    return new EventRecord(
        agency,
        eventId,
        recordId,
        line,
        occurredOn,
        occurredTime,
        type,
        detail,
        role,
        summary,
        sensitivity,
        contentHash);
  }

  private ContractDates.@Nullable Parsed occurredAt(String raw) {
    String value = raw.strip();
    if (value.isEmpty()) {
      findings.warn(
          OCCURRED_AT,
          ProblemCode.MISSING_VALUE,
          "occurred_at is missing; the event has no place in the chronology");
      return null;
    }
    Object parsed = ContractDates.parseDateOrDateTime(value);
    if (parsed == ContractDates.Failure.NOT_A_DATE) {
      findings.warn(
          OCCURRED_AT,
          ProblemCode.NOT_A_DATE,
          "occurred_at is not yyyy-mm-dd or an ISO date-time; it is dropped");
      return null;
    }
    if (!(parsed instanceof ContractDates.Parsed date)) {
      findings.warn(
          OCCURRED_AT,
          ProblemCode.IMPOSSIBLE_DATE,
          "occurred_at is not a real date; it is dropped");
      return null;
    }
    if (date.date().isAfter(extractDate)) {
      findings.warn(
          OCCURRED_AT,
          ProblemCode.IMPOSSIBLE_DATE,
          "occurred_at is after the extract date; it is kept as given");
    }
    return date;
  }

  private @Nullable String detail(EventType type, String raw) {
    if (raw.isBlank()) {
      return null;
    }
    Optional<String> detail = type.detail().normalise(raw);
    if (detail.isEmpty()) {
      String expected =
          switch (type.detail()) {
            case Detail.None none -> "takes no detail";
            case Detail.OneOf oneOf ->
                "takes a " + oneOf.name() + " detail of " + String.join(", ", oneOf.values());
            case Detail.Count count -> "takes a " + count.name() + " detail from 1 to 999";
          };
      findings.warn(
          DETAIL,
          ProblemCode.INVALID_VALUE,
          "detail does not fit the type: " + type.code() + " " + expected + "; it is dropped");
    }
    return detail.orElse(null);
  }

  private @Nullable EventRole role(String raw) {
    String value = raw.strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return EventRole.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      findings.warn(
          ROLE,
          ProblemCode.INVALID_VALUE,
          "role is not one of subject, victim, perpetrator, witness, parent, other; it is dropped");
      return null;
    }
  }

  private @Nullable String summary(String raw) {
    String summary = FieldText.exact(raw);
    if (summary != null && FieldText.hasControl(raw, true)) {
      findings.warn(
          SUMMARY,
          ProblemCode.CONTROL_CHARACTER,
          "summary contains a control character other than a line break or tab; it is kept with"
              + " a space in its place");
    }
    if (summary != null && summary.length() > MAX_SUMMARY) {
      findings.warn(
          SUMMARY,
          ProblemCode.TRUNCATED,
          "summary is longer than 2,000 characters; it is cut to 2,000");
      int end = MAX_SUMMARY;
      if (Character.isHighSurrogate(summary.charAt(end - 1))) {
        end--;
      }
      return summary.substring(0, end);
    }
    return summary;
  }

  private Sensitivity sensitivity(String raw) {
    String value = raw.strip();
    if (value.isEmpty()) {
      return Sensitivity.STANDARD;
    }
    try {
      return Sensitivity.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      findings.warn(
          SENSITIVITY,
          ProblemCode.INVALID_VALUE,
          "sensitivity is not one of standard, sensitive, restricted; it is read as restricted");
      return Sensitivity.RESTRICTED;
    }
  }
}

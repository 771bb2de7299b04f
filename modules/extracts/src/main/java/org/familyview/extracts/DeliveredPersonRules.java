package org.familyview.extracts;

import static org.familyview.extracts.PersonColumn.*;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The row rules of {@code persons.csv} read as delivered: only what makes a row a row is checked (a
 * record_id, not repeated); values are trimmed and otherwise kept, for the matcher to judge.
 */
final class DeliveredPersonRules implements RowRules<PersonColumn, DeliveredPerson> {

  private final Findings findings = new Findings(ExtractFile.PERSONS.fileName());
  private final SeenIds seen = new SeenIds();

  @Override
  public RowOutcome<DeliveredPerson> apply(RowValues<PersonColumn> row, long line) {
    findings.startRow(line);
    String recordId = value(row, RECORD_ID);
    if (recordId == null) {
      return findings.reject(RECORD_ID, ProblemCode.MISSING_REQUIRED, "record_id is empty");
    }
    long first = seen.putIfAbsent(recordId, line);
    if (first != 0) {
      return findings.repeated(RECORD_ID, first);
    }
    DeliveredPerson person =
        new DeliveredPerson(
            recordId,
            line,
            value(row, GIVEN_NAME),
            value(row, MIDDLE_NAMES),
            value(row, FAMILY_NAME),
            aliases(row.raw(ALIASES)),
            value(row, DATE_OF_BIRTH),
            value(row, SEX),
            value(row, ADDRESS),
            value(row, POSTCODE),
            value(row, NHS_NUMBER),
            value(row, UPN),
            value(row, PNC_ID),
            value(row, PHONE),
            value(row, EMAIL),
            value(row, HOUSEHOLD_ID));
    return new RowOutcome.Accepted<>(person, List.of());
  }

  /** Trimmed as a CSV reader trims (spaces and control characters at either end), or null. */
  private static @Nullable String value(RowValues<PersonColumn> row, PersonColumn column) {
    String value = row.raw(column).trim();
    return value.isEmpty() ? null : value;
  }

  private static List<String> aliases(String raw) {
    String value = raw.trim();
    if (value.isEmpty()) {
      return List.of();
    }
    List<String> aliases = new ArrayList<>(2);
    for (String part : value.split(";")) {
      String alias = part.strip();
      if (!alias.isEmpty()) {
        aliases.add(alias);
      }
    }
    return aliases;
  }
}

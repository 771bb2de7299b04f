package org.familyview.extracts;

import static org.familyview.extracts.PersonColumn.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.familyview.identifiers.NhsNumber;
import org.familyview.identifiers.Placeholders;
import org.familyview.identifiers.PncId;
import org.familyview.identifiers.Postcode;
import org.familyview.identifiers.Reading;
import org.familyview.identifiers.Upn;
import org.jspecify.annotations.Nullable;

/**
 * The row rules of {@code persons.csv} (contract v1). Rejected: no record_id, a duplicate record_id
 * (the later row), neither a given nor a family name. Everything else that is wrong is a warning
 * and the value is dropped: placeholders, impossible dates of birth, identifiers failing their
 * check, postcodes that are not UK postcodes, malformed emails.
 */
final class PersonRules implements RowRules<PersonColumn, PersonRecord> {

  static final int MAX_ID_LENGTH = 100;
  static final int OLDEST_AGE_YEARS = 125;

  // Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is not our problem;
  // catching "n/a", "none@" and "john.smith" is.
  private static final Pattern EMAIL_ADDRESS =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  private final PartnerId agency;
  private final LocalDate extractDate;
  private final Findings findings;
  private final SeenIds seen = new SeenIds();
  private final ContentHash hash = new ContentHash();

  PersonRules(PartnerId agency, LocalDate extractDate) {
    this.agency = agency;
    this.extractDate = extractDate;
    this.findings = new Findings(ExtractFile.PERSONS.fileName());
  }

  @Override
  public RowOutcome<PersonRecord> apply(RowValues<PersonColumn> row, long line) {
    findings.startRow(line);
    FieldText.Id id = FieldText.id(row.raw(RECORD_ID));
    RowOutcome<PersonRecord> refused = IdRule.check(findings, RECORD_ID, id, MAX_ID_LENGTH);
    if (refused != null || id.value() == null) {
      return refused;
    }
    String recordId = id.value();
    String givenName = name(row, GIVEN_NAME);
    String familyName = name(row, FAMILY_NAME);
    if (givenName == null && familyName == null) {
      return findings.reject(ProblemCode.NO_NAME, "neither given_name nor family_name is present");
    }
    long first = seen.putIfAbsent(recordId, line);
    if (first != 0) {
      return findings.repeated(RECORD_ID, first);
    }
    return new RowOutcome.Accepted<>(
        record(row, line, recordId, givenName, familyName), findings.warnings());
  }

  /** The optional values of an accepted row, each read by its rule, and the content hash. */
  private PersonRecord record(
      RowValues<PersonColumn> row,
      long line,
      String recordId,
      @Nullable String givenName,
      @Nullable String familyName) {
    String middleNames = name(row, MIDDLE_NAMES);
    List<String> aliases = aliases(row.raw(ALIASES));
    LocalDate dateOfBirth = dateOfBirth(row.raw(DATE_OF_BIRTH));
    Sex sex = sex(row.raw(SEX));
    String address = text(row, ADDRESS);
    Postcode postcode =
        identifier(row, POSTCODE, Postcode.read(row.raw(POSTCODE)), ProblemCode.INVALID_POSTCODE);
    NhsNumber nhsNumber =
        identifier(
            row, NHS_NUMBER, NhsNumber.read(row.raw(NHS_NUMBER)), ProblemCode.INVALID_NHS_NUMBER);
    Upn upn = identifier(row, UPN, Upn.read(row.raw(UPN)), ProblemCode.INVALID_UPN);
    PncId pncId = identifier(row, PNC_ID, PncId.read(row.raw(PNC_ID)), ProblemCode.INVALID_PNC_ID);
    String phone = text(row, PHONE);
    String email = email(row.raw(EMAIL));
    String householdId = householdId(row.raw(HOUSEHOLD_ID));
    // The order of the values is the hash's: changing it would make every stored record "changed".
    Object[] values = {
      recordId,
      givenName,
      middleNames,
      familyName,
      String.join(";", aliases),
      dateOfBirth,
      sex,
      address,
      postcode,
      nhsNumber,
      upn,
      pncId,
      phone,
      email,
      householdId
    };
    String contentHash = hashOf(values);
    return new PersonRecord(
        agency,
        recordId,
        line,
        givenName,
        middleNames,
        familyName,
        aliases,
        dateOfBirth,
        sex,
        address,
        postcode,
        nhsNumber,
        upn,
        pncId,
        phone,
        email,
        householdId,
        contentHash);
  }

  private String hashOf(Object[] values) {
    for (Object value : values) {
      hash.add(value);
    }
    return hash.finish();
  }

  /**
   * An optional identifier of the agency's: kept exactly but for surrounding spaces (removed with a
   * warning); with a control character inside it is dropped with a warning, never squashed.
   */
  private @Nullable String householdId(String raw) {
    FieldText.Id id = FieldText.id(raw);
    if (id.control()) {
      findings.warn(
          HOUSEHOLD_ID,
          ProblemCode.CONTROL_CHARACTER,
          "household_id contains a line break, tab or other control character; it is dropped");
      return null;
    }
    if (id.trimmed()) {
      findings.warn(
          HOUSEHOLD_ID,
          ProblemCode.TRIMMED,
          "household_id has spaces before or after it; they are removed");
    }
    return id.value();
  }

  private @Nullable String name(RowValues<PersonColumn> row, PersonColumn column) {
    return cleaned(row.raw(column), column, false, Placeholders::isPlaceholderName);
  }

  private @Nullable String text(RowValues<PersonColumn> row, PersonColumn column) {
    return cleaned(row.raw(column), column, true, Placeholders::isPlaceholderText);
  }

  /**
   * A name or a free-text field, cleaned; a control character is replaced with a warning (a line
   * break or tab is one too in a name, not in free text), and a placeholder is no value.
   */
  private @Nullable String cleaned(
      String raw, PersonColumn column, boolean breaksAllowed, Predicate<String> isPlaceholder) {
    String value = FieldText.clean(raw);
    if (value != null && FieldText.hasControl(raw, breaksAllowed)) {
      controlReplaced(
          column,
          breaksAllowed
              ? "a control character (other than a line break or tab)"
              : "a line break, tab or other control character");
    }
    if (value != null && isPlaceholder.test(value)) {
      placeholder(column);
      return null;
    }
    return value;
  }

  private List<String> aliases(String raw) {
    if (raw.isBlank()) {
      return List.of();
    }
    if (FieldText.hasControl(raw, false)) {
      controlReplaced(ALIASES, "a line break, tab or other control character");
    }
    List<String> aliases = new ArrayList<>(2);
    for (String part : raw.split(";")) {
      String alias = FieldText.clean(part);
      if (alias != null && !Placeholders.isPlaceholderName(alias) && !aliases.contains(alias)) {
        aliases.add(alias);
      }
    }
    return aliases;
  }

  private @Nullable LocalDate dateOfBirth(String raw) {
    String value = raw.strip();
    if (value.isEmpty()) {
      return null;
    }
    Object parsed = ContractDates.parseDate(value);
    if (parsed == ContractDates.Failure.NOT_A_DATE) {
      findings.warn(
          DATE_OF_BIRTH,
          ProblemCode.NOT_A_DATE,
          "date_of_birth is not a date in the form yyyy-mm-dd; it is dropped");
      return null;
    }
    if (!(parsed instanceof LocalDate date)) {
      findings.warn(
          DATE_OF_BIRTH,
          ProblemCode.IMPOSSIBLE_DATE,
          "date_of_birth is not a real date; it is dropped");
      return null;
    }
    if (Placeholders.isPlaceholderDate(date)) {
      placeholder(DATE_OF_BIRTH);
      return null;
    }
    if (date.isAfter(extractDate)) {
      findings.warn(
          DATE_OF_BIRTH,
          ProblemCode.IMPOSSIBLE_DATE,
          "date_of_birth is after the extract date; it is dropped");
      return null;
    }
    if (date.isBefore(extractDate.minusYears(OLDEST_AGE_YEARS))) {
      findings.warn(
          DATE_OF_BIRTH,
          ProblemCode.IMPOSSIBLE_DATE,
          "date_of_birth is more than 125 years before the extract date; it is dropped");
      return null;
    }
    return date;
  }

  private @Nullable Sex sex(String raw) {
    String value = raw.strip();
    if (value.isEmpty()) {
      return null;
    }
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "M" -> Sex.M;
      case "F" -> Sex.F;
      case "X" -> Sex.X;
      case "U" -> Sex.U;
      default -> {
        findings.warn(
            SEX, ProblemCode.INVALID_VALUE, "sex is not one of M, F, X, U; it is dropped");
        yield null;
      }
    };
  }

  private <T> @Nullable T identifier(
      RowValues<PersonColumn> row, PersonColumn column, Reading<T> reading, ProblemCode invalid) {
    return switch (reading) {
      case Reading.Valid<T> valid -> valid.value();
      case Reading.Missing<T> missing -> {
        if (!row.raw(column).isBlank()) {
          placeholder(column);
        }
        yield null;
      }
      case Reading.Invalid<T> bad -> {
        findings.warn(column, invalid, column.header() + " " + bad.reason() + "; it is dropped");
        yield null;
      }
    };
  }

  private @Nullable String email(String raw) {
    String value = raw.strip();
    if (value.isEmpty()) {
      return null;
    }
    if (Placeholders.isPlaceholderText(value)) {
      placeholder(EMAIL);
      return null;
    }
    if (!EMAIL_ADDRESS.matcher(value).matches()) {
      findings.warn(
          EMAIL, ProblemCode.INVALID_EMAIL, "email is not an email address; it is dropped");
      return null;
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private void controlReplaced(PersonColumn column, String what) {
    findings.warn(
        column,
        ProblemCode.CONTROL_CHARACTER,
        column.header() + " contains " + what + "; it is kept with a space in its place");
  }

  private void placeholder(PersonColumn column) {
    findings.warn(
        column,
        ProblemCode.PLACEHOLDER,
        column.header() + " is a placeholder for \"not known\"; it counts as missing");
  }
}

package org.familyview.extracts;

import java.time.LocalDate;
import java.util.List;
import org.familyview.identifiers.NhsNumber;
import org.familyview.identifiers.PncId;
import org.familyview.identifiers.Postcode;
import org.familyview.identifiers.Upn;
import org.jspecify.annotations.Nullable;

/**
 * A normalised person row of {@code persons.csv}. Absent, placeholder and invalid optional values
 * are null; text is trimmed with inner whitespace collapsed, but its case is the partner's.
 */
public record PersonRecord(
    PartnerId agency,
    String recordId,
    long line,
    @Nullable String givenName,
    @Nullable String middleNames,
    @Nullable String familyName,
    List<String> aliases,
    @Nullable LocalDate dateOfBirth,
    @Nullable Sex sex,
    @Nullable String address,
    @Nullable Postcode postcode,
    @Nullable NhsNumber nhsNumber,
    @Nullable Upn upn,
    @Nullable PncId pncId,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String householdId,
    String contentHash)
    implements SourceRecord {

  public PersonRecord {
    aliases = List.copyOf(aliases);
  }

  @Override
  public String id() {
    return recordId;
  }
}

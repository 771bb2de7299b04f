package org.familyview.extracts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person row of {@code persons.csv} with its values as the partner delivered them: surrounding
 * spaces trimmed, empty values null, aliases split on {@code ;}, nothing else. The offline matcher
 * ({@code ./familyview link}) reads extracts this way because its standardiser judges values
 * itself: a date of birth such as 1985-13-40 or a non-UK postcode still carries evidence for
 * matching, where the load ({@link PersonRecord}) drops it with a warning.
 */
public record DeliveredPerson(
    String recordId,
    long line,
    @Nullable String givenName,
    @Nullable String middleNames,
    @Nullable String familyName,
    List<String> aliases,
    @Nullable String dateOfBirth,
    @Nullable String sex,
    @Nullable String address,
    @Nullable String postcode,
    @Nullable String nhsNumber,
    @Nullable String upn,
    @Nullable String pncId,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String householdId)
    implements ExtractRow {

  public DeliveredPerson {
    aliases = List.copyOf(aliases);
  }
}

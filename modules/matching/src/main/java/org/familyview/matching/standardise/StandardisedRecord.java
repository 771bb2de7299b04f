package org.familyview.matching.standardise;

import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;

/**
 * A source record made comparable. Missing, placeholder and invalid values are null (or empty
 * arrays), so every comparison treats them the same way: as no evidence either way.
 *
 * @param forename the cleaned first given name
 * @param forenameForms canonical forms of the forename through the nickname table (itself first)
 * @param forenameCode Double Metaphone key of the forename
 * @param middleNames other given names
 * @param surname the family name with its parts joined ("smithjones" for Smith-Jones)
 * @param surnameParts the parts of a hyphenated or double-barrelled family name
 * @param surnameCode Double Metaphone key of the family name
 * @param otherForenames forenames from aliases, as canonical forms
 * @param otherSurnames family names from aliases and previous names
 * @param sex 'M', 'F' or 'X'; 0 when missing or unknown
 * @param postcode the compact postcode as given ("SW1A1AA", or "2615" from abroad)
 * @param postcodeSector UK sector ("SW1A1"), null when not a UK postcode
 * @param postcodeDistrict UK district ("SW1A"), null when not a UK postcode
 * @param addressTokens address words after abbreviation, sorted
 * @param household the agency's household id, prefixed by the agency (ids are agency-local)
 */
public record StandardisedRecord(
    RecordKey key,
    @Nullable String forename,
    String[] forenameForms,
    @Nullable String forenameCode,
    String[] middleNames,
    @Nullable String surname,
    String[] surnameParts,
    @Nullable String surnameCode,
    String[] otherForenames,
    String[] otherSurnames,
    @Nullable DateOfBirth dateOfBirth,
    char sex,
    @Nullable String postcode,
    @Nullable String postcodeSector,
    @Nullable String postcodeDistrict,
    @Nullable String address,
    String[] addressTokens,
    @Nullable String nhsNumber,
    @Nullable String upn,
    @Nullable String pncId,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String household) {

  /** The forename's first canonical form: the value blocking and term frequencies use. */
  public @Nullable String canonicalForename() {
    return forenameForms.length == 0 ? null : forenameForms[0];
  }
}

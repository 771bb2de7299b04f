package org.familyview.matching;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One person row from an agency extract, exactly as the person-extract contract delivers it. Values
 * are raw: standardisation happens inside the matcher so that every caller gets the same rules.
 */
public record SourceRecord(
    String agency,
    String recordId,
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
    @Nullable String householdId) {

  public SourceRecord {
    aliases = List.copyOf(aliases);
  }

  public RecordKey key() {
    return new RecordKey(agency, recordId);
  }

  /** A builder for tests and generators, which mostly set a handful of fields. */
  public static Builder builder(String agency, String recordId) {
    return new Builder(agency, recordId);
  }

  /** A builder that starts from this record, for a change to a few of its fields. */
  public Builder toBuilder() {
    return toBuilder(agency, recordId);
  }

  /** A builder that starts from this record's details held under another key. */
  public Builder toBuilder(String agency, String recordId) {
    return builder(agency, recordId)
        .name(givenName, familyName)
        .middleNames(middleNames)
        .aliases(aliases)
        .born(dateOfBirth)
        .sex(sex)
        .address(address)
        .postcode(postcode)
        .nhsNumber(nhsNumber)
        .upn(upn)
        .pncId(pncId)
        .phone(phone)
        .email(email)
        .household(householdId);
  }

  /** Fluent builder; unset fields are missing. */
  public static final class Builder {
    private final String agency;
    private final String recordId;
    private @Nullable String givenName;
    private @Nullable String middleNames;
    private @Nullable String familyName;
    private List<String> aliases = List.of();
    private @Nullable String dateOfBirth;
    private @Nullable String sex;
    private @Nullable String address;
    private @Nullable String postcode;
    private @Nullable String nhsNumber;
    private @Nullable String upn;
    private @Nullable String pncId;
    private @Nullable String phone;
    private @Nullable String email;
    private @Nullable String householdId;

    private Builder(String agency, String recordId) {
      this.agency = agency;
      this.recordId = recordId;
    }

    public Builder name(@Nullable String given, @Nullable String family) {
      this.givenName = given;
      this.familyName = family;
      return this;
    }

    public Builder middleNames(@Nullable String value) {
      this.middleNames = value;
      return this;
    }

    public Builder aliases(List<String> value) {
      this.aliases = value;
      return this;
    }

    public Builder born(@Nullable String value) {
      this.dateOfBirth = value;
      return this;
    }

    public Builder sex(@Nullable String value) {
      this.sex = value;
      return this;
    }

    public Builder address(@Nullable String value) {
      this.address = value;
      return this;
    }

    public Builder postcode(@Nullable String value) {
      this.postcode = value;
      return this;
    }

    public Builder nhsNumber(@Nullable String value) {
      this.nhsNumber = value;
      return this;
    }

    public Builder upn(@Nullable String value) {
      this.upn = value;
      return this;
    }

    public Builder pncId(@Nullable String value) {
      this.pncId = value;
      return this;
    }

    public Builder phone(@Nullable String value) {
      this.phone = value;
      return this;
    }

    public Builder email(@Nullable String value) {
      this.email = value;
      return this;
    }

    public Builder household(@Nullable String value) {
      this.householdId = value;
      return this;
    }

    public SourceRecord build() {
      return new SourceRecord(
          agency,
          recordId,
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
          householdId);
    }
  }
}

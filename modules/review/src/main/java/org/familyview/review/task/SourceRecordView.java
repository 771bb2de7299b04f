package org.familyview.review.task;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyview.matching.RecordKey;
import org.familyview.matching.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * The identifying data of one source record that a steward needs to tell whether two records are
 * one person: names, date of birth, sex, address and identifiers. Never its events.
 */
public record SourceRecordView(
    String agency,
    String recordId,
    @Nullable String givenName,
    @Nullable String middleNames,
    @Nullable String familyName,
    List<String> aliases,
    @Nullable LocalDate dateOfBirth,
    @Nullable String sex,
    @Nullable String address,
    @Nullable String postcode,
    @Nullable String nhsNumber,
    @Nullable String upn,
    @Nullable String pncId,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String householdId,
    boolean current) {

  public SourceRecordView {
    aliases = List.copyOf(aliases);
  }

  public static final int ADULT_AGE = 18;

  /** The compared fields, in the order a steward reads them, by their label. */
  public static final Map<String, String> LABELS = labels();

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("givenName", "Given name");
    labels.put("middleNames", "Middle names");
    labels.put("familyName", "Family name");
    labels.put("aliases", "Aliases");
    labels.put("dateOfBirth", "Date of birth");
    labels.put("sex", "Sex");
    labels.put("address", "Address");
    labels.put("postcode", "Postcode");
    labels.put("nhsNumber", "NHS number");
    labels.put("upn", "UPN");
    labels.put("pncId", "PNC id");
    labels.put("phone", "Phone");
    labels.put("email", "Email");
    labels.put("householdId", "Agency household id");
    return java.util.Collections.unmodifiableMap(labels);
  }

  public RecordKey ref() {
    return new RecordKey(agency, recordId);
  }

  public @Nullable String field(String name) {
    return switch (name) {
      case "givenName" -> givenName;
      case "middleNames" -> middleNames;
      case "familyName" -> familyName;
      case "aliases" -> aliases.isEmpty() ? null : String.join("; ", aliases);
      case "dateOfBirth" -> dateOfBirth == null ? null : dateOfBirth.toString();
      case "sex" -> sex;
      case "address" -> address;
      case "postcode" -> postcode;
      case "nhsNumber" -> nhsNumber;
      case "upn" -> upn;
      case "pncId" -> pncId;
      case "phone" -> phone;
      case "email" -> email;
      case "householdId" -> householdId;
      default -> throw new IllegalArgumentException("no field " + name);
    };
  }

  /** Under 18 on the given day; an unknown date of birth is not evidence of a child. */
  public boolean isChildOn(LocalDate day) {
    return dateOfBirth != null && Period.between(dateOfBirth, day).getYears() < ADULT_AGE;
  }

  public boolean isPoliceHeld() {
    return "police".equalsIgnoreCase(agency);
  }

  /** The record as the matching library takes it, to recompute a waterfall. */
  public SourceRecord toSourceRecord() {
    return SourceRecord.builder(agency, recordId)
        .name(givenName, familyName)
        .middleNames(middleNames)
        .aliases(aliases)
        .born(dateOfBirth == null ? null : dateOfBirth.toString())
        .sex(sex)
        .address(address)
        .postcode(postcode)
        .nhsNumber(nhsNumber)
        .upn(upn)
        .pncId(pncId)
        .phone(phone)
        .email(email)
        .household(householdId)
        .build();
  }
}

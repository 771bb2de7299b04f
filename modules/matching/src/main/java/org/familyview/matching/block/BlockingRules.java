package org.familyview.matching.block;

import java.util.List;
import org.familyview.matching.standardise.DateOfBirth;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * The standard blocking rules. Each rule tolerates a different kind of error, so that a true match
 * is lost only when it is damaged in every one: identifiers survive any name change; date of birth
 * with an initial survives typing errors in names; phonetic surname with year survives a mistyped
 * day or month; phonetic names survive a wrong date; postcode with an initial survives both.
 */
public final class BlockingRules {

  private BlockingRules() {}

  public static List<BlockingRule> standard() {
    return List.of(
        new BlockingRule("nhs_number", (r, sink) -> emit(sink, r.nhsNumber())),
        new BlockingRule("upn", (r, sink) -> emit(sink, r.upn())),
        new BlockingRule("pnc_id", (r, sink) -> emit(sink, r.pncId())),
        new BlockingRule("date_of_birth+initial", BlockingRules::dateOfBirthAndInitial),
        new BlockingRule("surname_phonetic+birth_year+initial", BlockingRules::surnameAndYear),
        new BlockingRule("forename+surname_phonetic", BlockingRules::phoneticNames),
        new BlockingRule("postcode+initial", BlockingRules::postcodeAndInitial),
        new BlockingRule("birthday+forename", BlockingRules::birthdayAndForename),
        new BlockingRule("date_of_birth+postcode", BlockingRules::dateOfBirthAndPostcode),
        new BlockingRule("address+initial", BlockingRules::addressAndInitial),
        new BlockingRule("date_of_birth+house_number", BlockingRules::dateOfBirthAndHouseNumber),
        new BlockingRule("phone", (r, sink) -> emit(sink, r.phone())),
        new BlockingRule("email", (r, sink) -> emit(sink, r.email())));
  }

  public static List<String> standardNames() {
    return standard().stream().map(BlockingRule::name).toList();
  }

  private static void emit(BlockingRule.KeySink sink, @org.jspecify.annotations.Nullable String v) {
    if (v != null) {
      sink.accept(v);
    }
  }

  /** Initials of every name the record carries, forenames by their canonical forms too. */
  static String initials(StandardisedRecord r) {
    StringBuilder initials = new StringBuilder(4);
    addInitial(initials, r.forename());
    for (String form : r.forenameForms()) {
      addInitial(initials, form);
    }
    addInitial(initials, r.surname());
    for (String other : r.otherSurnames()) {
      addInitial(initials, other);
    }
    return initials.toString();
  }

  private static void addInitial(
      StringBuilder initials, @org.jspecify.annotations.Nullable String n) {
    if (n != null && !n.isEmpty() && !contains(initials, n.charAt(0))) {
      initials.append(n.charAt(0));
    }
  }

  private static boolean contains(StringBuilder initials, char c) {
    for (int i = 0; i < initials.length(); i++) {
      if (initials.charAt(i) == c) {
        return true;
      }
    }
    return false;
  }

  private static void dateOfBirthAndInitial(StandardisedRecord r, BlockingRule.KeySink sink) {
    DateOfBirth dob = r.dateOfBirth();
    if (dob == null) {
      return;
    }
    String initials = initials(r);
    for (int i = 0; i < initials.length(); i++) {
      sink.accept(dob.digits() + "|" + initials.charAt(i));
    }
  }

  private static void surnameAndYear(StandardisedRecord r, BlockingRule.KeySink sink) {
    DateOfBirth dob = r.dateOfBirth();
    if (dob == null || r.surnameCode() == null) {
      return;
    }
    String prefix = r.surnameCode() + "|" + dob.year() + "|";
    String initials = forenameInitials(r);
    if (initials.isEmpty()) {
      sink.accept(prefix);
    }
    for (int i = 0; i < initials.length(); i++) {
      sink.accept(prefix + initials.charAt(i));
    }
  }

  private static String forenameInitials(StandardisedRecord r) {
    StringBuilder initials = new StringBuilder(2);
    addInitial(initials, r.forename());
    for (String form : r.forenameForms()) {
      addInitial(initials, form);
    }
    return initials.toString();
  }

  private static void phoneticNames(StandardisedRecord r, BlockingRule.KeySink sink) {
    String surname = r.surnameCode();
    String forename = r.canonicalForename();
    if (surname == null || forename == null) {
      return;
    }
    sink.accept(forename + "|" + surname);
    // Swapped names meet too: the surname read as a forename, the forename's phonetic key.
    String swappedSurname = r.forenameCode();
    if (swappedSurname != null && r.surname() != null) {
      sink.accept(r.surname() + "|" + swappedSurname);
    }
  }

  private static void postcodeAndInitial(StandardisedRecord r, BlockingRule.KeySink sink) {
    String postcode = r.postcode();
    if (postcode == null) {
      return;
    }
    String initials = initials(r);
    for (int i = 0; i < initials.length(); i++) {
      sink.accept(postcode + "|" + initials.charAt(i));
    }
  }

  /** Survives both names being missing or changed. */
  private static void dateOfBirthAndPostcode(StandardisedRecord r, BlockingRule.KeySink sink) {
    DateOfBirth dob = r.dateOfBirth();
    if (dob != null && r.postcode() != null) {
      sink.accept(dob.digits() + "|" + r.postcode());
    }
  }

  /** Survives a missing date of birth and a mistyped postcode. */
  private static void addressAndInitial(StandardisedRecord r, BlockingRule.KeySink sink) {
    String address = r.address();
    if (address == null) {
      return;
    }
    String initials = initials(r);
    for (int i = 0; i < initials.length(); i++) {
      sink.accept(address + "|" + initials.charAt(i));
    }
  }

  /** Survives both names and the postcode being wrong. */
  private static void dateOfBirthAndHouseNumber(StandardisedRecord r, BlockingRule.KeySink sink) {
    DateOfBirth dob = r.dateOfBirth();
    String address = r.address();
    if (dob == null || address == null) {
      return;
    }
    int end = 0;
    while (end < address.length() && Character.isDigit(address.charAt(end))) {
      end++;
    }
    if (end > 0) {
      sink.accept(dob.digits() + "|" + address.substring(0, end));
    }
  }

  private static void birthdayAndForename(StandardisedRecord r, BlockingRule.KeySink sink) {
    DateOfBirth dob = r.dateOfBirth();
    String forename = r.canonicalForename();
    if (dob == null || forename == null) {
      return;
    }
    sink.accept(dob.month() + "-" + dob.day() + "|" + forename);
  }
}

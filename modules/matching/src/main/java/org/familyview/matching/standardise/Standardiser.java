package org.familyview.matching.standardise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.familyview.identifiers.AddressLine;
import org.familyview.identifiers.NhsNumber;
import org.familyview.identifiers.Placeholders;
import org.familyview.identifiers.PncId;
import org.familyview.identifiers.Postcode;
import org.familyview.identifiers.Upn;
import org.familyview.matching.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * Applies every standardisation rule to a source record. Thread-safe: one instance serves a whole
 * run.
 */
public final class Standardiser {

  private static final String[] NONE = new String[0];
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** Particles that are not distinctive on their own, so never a part-by-part match. */
  private static final Set<String> SURNAME_PARTICLES =
      Set.of(
          "van", "von", "der", "den", "de", "la", "le", "da", "di", "du", "del", "st", "al", "el");

  private static final Set<String> EMAIL_PLACEHOLDERS =
      Set.of("none", "noemail", "no.email", "no-email", "unknown", "na", "test", "nil", "null");

  private final Nicknames nicknames;
  private final DoubleMetaphone metaphone = new DoubleMetaphone();

  public Standardiser(Nicknames nicknames) {
    this.nicknames = nicknames;
  }

  public static Standardiser standard() {
    return new Standardiser(Nicknames.standard());
  }

  public StandardisedRecord standardise(SourceRecord record) {
    List<String> given = nameTokens(record.givenName());
    List<String> middle = new ArrayList<>(nameTokens(record.middleNames()));
    List<String> family = nameTokens(record.familyName());
    if (family.isEmpty() && given.size() >= 2) {
      // A whole name typed into the given-name field: the last word is the family name.
      family = List.of(given.getLast());
      given = given.subList(0, given.size() - 1);
    }
    String forename = given.isEmpty() ? null : given.getFirst();
    if (given.size() > 1) {
      middle.addAll(0, given.subList(1, given.size()));
    }
    String surname = family.isEmpty() ? null : String.join("", family);
    Set<String> otherForenames = new LinkedHashSet<>();
    Set<String> otherSurnames = new LinkedHashSet<>();
    for (String alias : record.aliases()) {
      List<String> tokens = nameTokens(alias);
      if (tokens.size() == 1) {
        // A single-word alias is a previous family name or a name the person goes by.
        otherSurnames.add(tokens.getFirst());
        otherForenames.addAll(Arrays.asList(nicknames.canonicalForms(tokens.getFirst())));
      } else if (tokens.size() > 1) {
        otherForenames.addAll(Arrays.asList(nicknames.canonicalForms(tokens.getFirst())));
        otherSurnames.add(tokens.getLast());
      }
    }
    Postcode ukPostcode = postcodeOrNull(record.postcode());
    String postcode = compactPostcode(record.postcode());
    String address = AddressLine.standard(record.address());
    return new StandardisedRecord(
        record.key(),
        forename,
        forename == null ? NONE : nicknames.canonicalForms(forename),
        forename == null ? null : phonetic(forename),
        middle.toArray(NONE),
        surname,
        distinctiveParts(family),
        surname == null ? null : phonetic(surname),
        otherForenames.toArray(NONE),
        otherSurnames.toArray(NONE),
        DateOfBirth.parse(record.dateOfBirth()),
        sex(record.sex()),
        postcode,
        ukPostcode == null ? null : ukPostcode.outward() + ukPostcode.inward().charAt(0),
        ukPostcode == null ? null : ukPostcode.outward(),
        address,
        address == null ? NONE : sortedTokens(address),
        valid(record.nhsNumber(), NhsNumber::isValid, true),
        valid(record.upn(), Upn::isValid, false),
        valid(record.pncId(), PncId::isValid, false),
        phone(record.phone()),
        email(record.email()),
        record.householdId() == null || record.householdId().isBlank()
            ? null
            : record.agency() + "|" + record.householdId().strip());
  }

  private static List<String> nameTokens(@Nullable String raw) {
    if (raw == null || raw.isBlank() || Placeholders.isPlaceholderName(raw)) {
      return List.of();
    }
    return NameCleaner.tokens(raw);
  }

  private String phonetic(String name) {
    String code = metaphone.doubleMetaphone(name);
    return code == null || code.isEmpty() ? name : code;
  }

  private static String[] distinctiveParts(List<String> family) {
    if (family.size() < 2) {
      return NONE;
    }
    return family.stream()
        .filter(p -> p.length() >= 2 && !SURNAME_PARTICLES.contains(p))
        .toArray(String[]::new);
  }

  private static @Nullable Postcode postcodeOrNull(@Nullable String raw) {
    return raw == null ? null : Postcode.parse(raw).orElse(null);
  }

  /**
   * Any non-placeholder postcode, valid or not: a foreign or mistyped code still carries signal.
   */
  private static @Nullable String compactPostcode(@Nullable String raw) {
    if (raw == null || Placeholders.isPlaceholderText(raw)) {
      return null;
    }
    String compact = NON_ALNUM.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("");
    if (compact.isEmpty() || compact.startsWith("zz99")) {
      return null;
    }
    return compact.toUpperCase(Locale.ROOT);
  }

  private static String[] sortedTokens(String address) {
    String[] tokens = new LinkedHashSet<>(Arrays.asList(address.split(" "))).toArray(NONE);
    Arrays.sort(tokens);
    return tokens;
  }

  private static char sex(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    return switch (Character.toUpperCase(raw.strip().charAt(0))) {
      case 'M' -> 'M';
      case 'F' -> 'F';
      case 'X', 'I' -> 'X';
      default -> 0;
    };
  }

  /** A valid UPN in the compact upper-case form the matcher compares, or null. */
  public static @Nullable String validUpn(@Nullable String raw) {
    return valid(raw, Upn::isValid, false);
  }

  /** A valid PNC id in the compact upper-case form the matcher compares, or null. */
  public static @Nullable String validPncId(@Nullable String raw) {
    return valid(raw, PncId::isValid, false);
  }

  private static @Nullable String valid(
      @Nullable String raw, java.util.function.Predicate<String> check, boolean digitsOnly) {
    if (raw == null || raw.isBlank() || !check.test(raw)) {
      return null;
    }
    StringBuilder compact = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = Character.toUpperCase(raw.charAt(i));
      if (digitsOnly ? (c >= '0' && c <= '9') : !(Character.isWhitespace(c) || c == '-')) {
        compact.append(c);
      }
    }
    return compact.toString();
  }

  private static @Nullable String phone(@Nullable String raw) {
    if (raw == null || Placeholders.isPlaceholderText(raw)) {
      return null;
    }
    StringBuilder kept = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        kept.append(c);
      }
    }
    String digits = kept.toString();
    if (digits.startsWith("44") && digits.length() == 12) {
      digits = "0" + digits.substring(2);
    }
    if (digits.length() < 9 || digits.chars().distinct().count() == 1) {
      return null;
    }
    return digits;
  }

  private static @Nullable String email(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String value = raw.strip().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(value).matches()) {
      return null;
    }
    String local = value.substring(0, value.indexOf('@'));
    return EMAIL_PLACEHOLDERS.contains(local) ? null : value;
  }
}

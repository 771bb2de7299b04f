package org.familyview.generator;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.familyview.extracts.EventColumn;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PartnerKind;
import org.familyview.extracts.PersonColumn;
import org.familyview.extracts.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * One agency's partial, imperfect view of the world, written as its extract: who it knows (those it
 * has had events with, and whom it holds anyway: every child at school, most patients), the
 * identifiers it would hold, its error profile applied record by record, and its events.
 */
final class AgencyView implements Closeable {

  private static final int COLUMNS = PersonColumn.values().length;
  private static final String PLACEHOLDER_DATE = "1900-01-01";

  private final PartnerId agency;
  private final PartnerKind kind;
  private final ErrorProfile profile;
  private final IdentifierIssuer issuer;
  private final LocalDate asOf;
  private final double invalidRate;
  private final Feed home;

  /** The second authority's partner of this kind, when the world has one ({@code health-south}). */
  private final @Nullable Feed south;

  private final CsvOut truth;
  private final CsvOut invalid;
  private final CsvOut errors;

  /** The errors actually made in the record being written (scratch, reset per record). */
  private final EnumSet<ErrorKind> made = EnumSet.noneOf(ErrorKind.class);

  private final String recordPrefix;
  private final String eventPrefix;
  private long nextRecord;
  private long nextEvent;

  /** The feed the record or event being written goes to (scratch, set per person and event). */
  private Feed feed;

  AgencyView(
      PartnerId agency,
      ErrorProfile profile,
      IdentifierIssuer issuer,
      LocalDate asOf,
      double invalidRate,
      Path out,
      @Nullable PartnerId south,
      CsvOut truth,
      CsvOut invalid,
      CsvOut errors)
      throws IOException {
    this.agency = agency;
    this.kind = GeneratedPartners.kindOf(agency);
    this.profile = profile;
    this.issuer = issuer;
    this.asOf = asOf;
    this.invalidRate = invalidRate;
    this.truth = truth;
    this.invalid = invalid;
    this.errors = errors;
    this.home = new Feed(agency, out);
    this.south = south == null ? null : new Feed(south, out);
    this.feed = home;
    this.recordPrefix =
        switch (kind) {
          case POLICE -> "PN";
          case HEALTH -> "RX";
          case COUNCIL -> "LA";
          case EDUCATION -> "ED";
          case HOUSING, OTHER -> throw unsupported();
        };
    this.eventPrefix = recordPrefix.charAt(0) + "E";
  }

  /** This kind's partners and what each was given: the first authority's, then the second's. */
  List<Feed> feeds() {
    return south == null ? List.of(home) : List.of(home, south);
  }

  /**
   * Where a person's records go: the second authority's partner holds those whose household lives
   * in its area now. Only the file changes: every random draw is the same with or without the
   * split, so both worlds hold the same people, records and events.
   */
  private Feed feedFor(Household household) {
    return south != null
            && household.current().authority().equals(GeneratedPartners.SECOND_AUTHORITY)
        ? south
        : home;
  }

  void write(FamilyGroup group, List<PlannedEvent> planned, SplittableRandom r) throws IOException {
    Map<Member, Boolean> withEvents = new IdentityHashMap<>();
    for (PlannedEvent event : planned) {
      if (event.type().kind() == kind) {
        withEvents.put(event.member(), Boolean.TRUE);
      }
    }
    Map<Member, String[]> recordIds = new IdentityHashMap<>();
    for (Member member : group.people()) {
      Household household = group.home(member);
      if (withEvents.containsKey(member) || holdsAnyway(member, household, r)) {
        feed = feedFor(household);
        recordIds.put(member, writePerson(member, household, r));
      }
    }
    for (PlannedEvent event : planned) {
      String[] ids = recordIds.get(event.member());
      if (event.type().kind() == kind && ids != null) {
        String recordId = ids[1] != null && r.nextDouble() < 0.3 ? ids[1] : ids[0];
        feed = feedFor(group.home(event.member()));
        writeEvent(event, recordId, r);
      }
    }
  }

  /** Whether the agency holds a person it has had no event with in the period. */
  private boolean holdsAnyway(Member m, Household home, SplittableRandom r) {
    int age = m.ageOn(asOf);
    return switch (kind) {
      case POLICE -> m.pncId != null || r.nextDouble() < 0.02;
      case HEALTH -> age < 5 || r.nextDouble() < 0.5;
      case COUNCIL -> r.nextDouble() < 0.08;
      case EDUCATION -> isPupil(age) || (age >= 18 && hasPupil(home) && r.nextDouble() < 0.6);
      case HOUSING, OTHER -> throw unsupported();
    };
  }

  private boolean isPupil(int age) {
    return age >= 4 && age <= 17;
  }

  private boolean hasPupil(Household home) {
    for (Member child : home.children()) {
      if (isPupil(child.ageOn(asOf))) {
        return true;
      }
    }
    return false;
  }

  /** Writes the person's record (and a duplicate, sometimes); returns their record ids. */
  private String[] writePerson(Member m, Household home, SplittableRandom r) throws IOException {
    String[] fields = truthOf(m, home, r);
    applyErrors(fields, m, r);
    String primary = fields[PersonColumn.RECORD_ID.ordinal()];
    writePersonRow(fields, m);
    String duplicate = null;
    if (r.nextDouble() < profile.rate(ErrorKind.DUPLICATE)) {
      String[] again = truthOf(m, home, r);
      applyErrors(again, m, r);
      made.add(ErrorKind.DUPLICATE);
      if (r.nextBoolean()) {
        if (typo(again, r)) {
          made.add(ErrorKind.TYPO);
        }
      } else if (again[PersonColumn.DATE_OF_BIRTH.ordinal()] != null
          && !again[PersonColumn.DATE_OF_BIRTH.ordinal()].equals(PLACEHOLDER_DATE)) {
        again[PersonColumn.DATE_OF_BIRTH.ordinal()] = null;
        made.add(ErrorKind.MISSING);
      }
      duplicate = again[PersonColumn.RECORD_ID.ordinal()];
      writePersonRow(again, m);
    }
    maybeInvalidPerson(r);
    return new String[] {primary, duplicate};
  }

  private void writePersonRow(String[] fields, Member m) throws IOException {
    for (String field : fields) {
      feed.persons.field(field);
    }
    feed.persons.endRow();
    feed.personRows++;
    truth.fields(feed.id.code(), fields[PersonColumn.RECORD_ID.ordinal()], m.personId).endRow();
    for (ErrorKind kind : made) {
      errors.fields(feed.id.code(), fields[PersonColumn.RECORD_ID.ordinal()], kind.flag()).endRow();
    }
  }

  private String[] truthOf(Member m, Household home, SplittableRandom r) {
    String[] f = new String[COLUMNS];
    made.clear();
    int age = m.ageOn(asOf);
    f[PersonColumn.RECORD_ID.ordinal()] = FamilyFactory.id(recordPrefix, ++nextRecord);
    f[PersonColumn.GIVEN_NAME.ordinal()] = m.givenName;
    f[PersonColumn.MIDDLE_NAMES.ordinal()] = m.middleNames;
    f[PersonColumn.FAMILY_NAME.ordinal()] = m.familyName;
    f[PersonColumn.ALIASES.ordinal()] = aliasesOf(m, r);
    f[PersonColumn.DATE_OF_BIRTH.ordinal()] = m.dateOfBirth.toString();
    f[PersonColumn.SEX.ordinal()] = m.sex.name();
    Residence residence =
        r.nextDouble() < profile.rate(ErrorKind.STALE_ADDRESS) ? home.previous() : home.current();
    if (residence != home.current()) {
      made.add(ErrorKind.STALE_ADDRESS);
    }
    f[PersonColumn.ADDRESS.ordinal()] = residence.addressLine();
    f[PersonColumn.POSTCODE.ordinal()] = residence.postcode();
    boolean adult = age >= 18;
    identifiers(f, m, age, residence, r);
    if (adult) {
      contact(f, m, r);
    }
    f[PersonColumn.HOUSEHOLD_ID.ordinal()] =
        switch (kind) {
          case COUNCIL -> "HH" + (home.localKey * 7 + 1000);
          case EDUCATION -> "FAM-" + home.localKey;
          default -> null;
        };
    return f;
  }

  /** A previous family name, and for the police the name a person gives ("known as"). */
  private @Nullable String aliasesOf(Member m, SplittableRandom r) {
    String aliases = null;
    if (m.previousFamilyName != null && r.nextDouble() < 0.4) {
      aliases = m.givenName + " " + m.previousFamilyName;
    }
    // The police record the names people give: "known as" goes into the aliases.
    if (kind == PartnerKind.POLICE && m.knownAs != null && r.nextDouble() < 0.3) {
      String knownAs = m.knownAs + " " + m.familyName;
      aliases = aliases == null ? knownAs : aliases + ";" + knownAs;
    }
    return aliases;
  }

  /** The identifiers this kind of partner holds: its own, and sometimes the NHS number. */
  private void identifiers(String[] f, Member m, int age, Residence residence, SplittableRandom r) {
    boolean adult = age >= 18;
    switch (kind) {
      case HEALTH -> f[PersonColumn.NHS_NUMBER.ordinal()] = m.nhsNumber;
      case COUNCIL -> {
        if (r.nextDouble() < (adult ? 0.15 : 0.6)) {
          f[PersonColumn.NHS_NUMBER.ordinal()] = m.nhsNumber;
        }
      }
      case EDUCATION -> {
        if (isPupil(age)) {
          f[PersonColumn.UPN.ordinal()] = upnOf(m, residence);
          if (r.nextDouble() < 0.1) {
            f[PersonColumn.NHS_NUMBER.ordinal()] = m.nhsNumber;
          }
        }
      }
      case POLICE -> {
        f[PersonColumn.PNC_ID.ordinal()] = m.pncId;
        if (r.nextDouble() < 0.05) {
          f[PersonColumn.NHS_NUMBER.ordinal()] = m.nhsNumber;
        }
      }
    }
  }

  /** An adult's phone and email, as often as this kind of partner has them. */
  private void contact(String[] f, Member m, SplittableRandom r) {
    double contact =
        switch (kind) {
          case POLICE -> 0.5;
          case HEALTH -> 0.85;
          case COUNCIL -> 0.8;
          case EDUCATION -> 0.9;
          case HOUSING, OTHER -> throw unsupported();
        };
    if (r.nextDouble() < contact) {
      f[PersonColumn.PHONE.ordinal()] = m.phone;
      f[PersonColumn.EMAIL.ordinal()] = kind == PartnerKind.POLICE ? null : m.email;
    }
  }

  private String upnOf(Member m, Residence residence) {
    if (m.upn == null) {
      String area = residence.postcode().substring(0, 2);
      int la =
          switch (area) {
            case "BD" -> 380;
            case "HX" -> 381;
            case "HD" -> 382;
            case "WF" -> 384;
            default -> 383;
          };
      int school = 2000 + (int) (Math.abs((long) m.personId.hashCode()) % 400);
      m.upn = issuer.nextUpn(la, school, m.dateOfBirth.getYear() + 4);
    }
    return m.upn;
  }

  private void hardCases(String[] f, SplittableRandom r) {
    if (r.nextDouble() < profile.rate(ErrorKind.HONORIFIC) && HardCases.honorific(f, r)) {
      made.add(ErrorKind.HONORIFIC);
    }
    if (r.nextDouble() < profile.rate(ErrorKind.YEAR_ONLY_DATE) && HardCases.yearOnly(f)) {
      made.add(ErrorKind.YEAR_ONLY_DATE);
    }
    if (r.nextDouble() < profile.rate(ErrorKind.EMAIL_TYPO) && HardCases.emailTypo(f, r)) {
      made.add(ErrorKind.EMAIL_TYPO);
    }
    // Drawn only when switched on, so that worlds without these cases stay as they were.
    if (chance(ErrorKind.DATE_OF_BIRTH_SLIP, r) && HardCases.dateOfBirthSlip(f, r)) {
      made.add(ErrorKind.DATE_OF_BIRTH_SLIP);
    }
    if (chance(ErrorKind.PHONE_TYPO, r) && HardCases.phoneTypo(f, r)) {
      made.add(ErrorKind.PHONE_TYPO);
    }
    if (chance(ErrorKind.MIDDLE_NAME_SLIP, r) && HardCases.middleNameSlip(f, r)) {
      made.add(ErrorKind.MIDDLE_NAME_SLIP);
    }
  }

  private boolean chance(ErrorKind kind, SplittableRandom r) {
    double rate = profile.rate(kind);
    return rate > 0 && r.nextDouble() < rate;
  }

  private void applyErrors(String[] f, Member m, SplittableRandom r) {
    if (m.knownAs != null && r.nextDouble() < profile.rate(ErrorKind.NICKNAME)) {
      f[PersonColumn.GIVEN_NAME.ordinal()] = m.knownAs;
      made.add(ErrorKind.NICKNAME);
    }
    if (m.previousFamilyName != null && r.nextDouble() < profile.rate(ErrorKind.OLD_NAME)) {
      f[PersonColumn.FAMILY_NAME.ordinal()] = m.previousFamilyName;
      f[PersonColumn.ALIASES.ordinal()] = null;
      made.add(ErrorKind.OLD_NAME);
    }
    if (r.nextDouble() < profile.rate(ErrorKind.TYPO) && typo(f, r)) {
      made.add(ErrorKind.TYPO);
    }
    hardCases(f, r);
    swaps(f, m, r);
    missing(f, r);
    placeholder(f, m, r);
    identifierTypo(f, r);
    format(f, r);
  }

  private void swaps(String[] f, Member m, SplittableRandom r) {
    if (r.nextDouble() < profile.rate(ErrorKind.DAY_MONTH_SWAP)) {
      LocalDate d = m.dateOfBirth;
      if (d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
        f[PersonColumn.DATE_OF_BIRTH.ordinal()] =
            LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toString();
        made.add(ErrorKind.DAY_MONTH_SWAP);
      }
    }
    if (r.nextDouble() < profile.rate(ErrorKind.NAME_SWAP)) {
      String given = f[PersonColumn.GIVEN_NAME.ordinal()];
      f[PersonColumn.GIVEN_NAME.ordinal()] = f[PersonColumn.FAMILY_NAME.ordinal()];
      f[PersonColumn.FAMILY_NAME.ordinal()] = given;
      made.add(ErrorKind.NAME_SWAP);
    }
  }

  private void missing(String[] f, SplittableRandom r) {
    if (r.nextDouble() < profile.rate(ErrorKind.MISSING)) {
      int column =
          switch (r.nextInt(5)) {
            case 0 -> PersonColumn.DATE_OF_BIRTH.ordinal();
            case 1 -> PersonColumn.POSTCODE.ordinal();
            case 2 -> PersonColumn.NHS_NUMBER.ordinal();
            case 3 -> PersonColumn.SEX.ordinal();
            default -> PersonColumn.MIDDLE_NAMES.ordinal();
          };
      if (f[column] != null) {
        f[column] = null;
        if (column == PersonColumn.POSTCODE.ordinal()) {
          f[PersonColumn.ADDRESS.ordinal()] = null;
        }
        made.add(ErrorKind.MISSING);
      }
    }
  }

  private void placeholder(String[] f, Member m, SplittableRandom r) {
    if (r.nextDouble() < profile.rate(ErrorKind.PLACEHOLDER)) {
      made.add(ErrorKind.PLACEHOLDER);
      switch (r.nextInt(4)) {
        case 0 -> f[PersonColumn.GIVEN_NAME.ordinal()] = m.ageOn(asOf) == 0 ? "BABY" : "UNKNOWN";
        case 1 -> f[PersonColumn.DATE_OF_BIRTH.ordinal()] = PLACEHOLDER_DATE;
        case 2 -> {
          if (f[PersonColumn.NHS_NUMBER.ordinal()] != null) {
            f[PersonColumn.NHS_NUMBER.ordinal()] = "0000000000";
          } else {
            made.remove(ErrorKind.PLACEHOLDER);
          }
        }
        default -> f[PersonColumn.POSTCODE.ordinal()] = "ZZ99 3VZ";
      }
    }
  }

  private void identifierTypo(String[] f, SplittableRandom r) {
    if (r.nextDouble() < profile.rate(ErrorKind.IDENTIFIER_TYPO)) {
      int column =
          f[PersonColumn.UPN.ordinal()] != null
              ? PersonColumn.UPN.ordinal()
              : PersonColumn.NHS_NUMBER.ordinal();
      // A placeholder stays a placeholder: a mistyped 0000000000 would be a different error.
      String mistyped = "0000000000".equals(f[column]) ? f[column] : mistypeDigit(f[column], r);
      if (mistyped != null && !mistyped.equals(f[column])) {
        f[column] = mistyped;
        made.add(ErrorKind.IDENTIFIER_TYPO);
      }
    }
  }

  private void format(String[] f, SplittableRandom r) {
    if (r.nextDouble() < profile.rate(ErrorKind.FORMAT)) {
      String postcode = f[PersonColumn.POSTCODE.ordinal()];
      if (postcode != null) {
        f[PersonColumn.POSTCODE.ordinal()] = postcode.replace(" ", "").toLowerCase(Locale.ROOT);
        made.add(ErrorKind.FORMAT);
      }
      String nhs = f[PersonColumn.NHS_NUMBER.ordinal()];
      if (nhs != null && nhs.length() == 10) {
        f[PersonColumn.NHS_NUMBER.ordinal()] =
            nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        made.add(ErrorKind.FORMAT);
      }
    }
  }

  /** Changes one digit (never the first letter of a UPN): the check then always fails. */
  private static @Nullable String mistypeDigit(@Nullable String id, SplittableRandom r) {
    if (id == null || id.length() < 10) {
      return id;
    }
    int at = 1 + r.nextInt(id.length() - 2);
    char c = id.charAt(at);
    if (!Character.isDigit(c)) {
      return id;
    }
    char replacement = (char) ('0' + (c - '0' + 1 + r.nextInt(9)) % 10);
    return id.substring(0, at) + replacement + id.substring(at + 1);
  }

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  /** Mistypes the given or the family name; false if the name was too short to. */
  private static boolean typo(String[] f, SplittableRandom r) {
    int column =
        r.nextBoolean() ? PersonColumn.GIVEN_NAME.ordinal() : PersonColumn.FAMILY_NAME.ordinal();
    String name = f[column];
    if (name == null || name.length() < 3) {
      return false;
    }
    int at = 1 + r.nextInt(name.length() - 2);
    StringBuilder s = new StringBuilder(name);
    switch (r.nextInt(4)) {
      case 0 -> s.setCharAt(at, LETTERS.charAt(r.nextInt(LETTERS.length())));
      case 1 -> s.deleteCharAt(at);
      case 2 -> s.insert(at, s.charAt(at));
      default -> {
        char c = s.charAt(at);
        s.setCharAt(at, s.charAt(at + 1));
        s.setCharAt(at + 1, c);
      }
    }
    String typed = s.toString();
    f[column] = typed;
    return !typed.equals(name);
  }

  private void writeEvent(PlannedEvent e, String recordId, SplittableRandom r) throws IOException {
    String occurredAt = e.date().toString();
    if (kind == PartnerKind.POLICE) {
      occurredAt += "T" + twoDigits(r.nextInt(24)) + ":" + twoDigits(r.nextInt(60)) + ":00";
    }
    String type = kind == PartnerKind.HEALTH ? e.type().localCode() : e.type().code();
    feed.events
        .fields(
            FamilyFactory.id(eventPrefix, ++nextEvent),
            recordId,
            occurredAt,
            type,
            e.detail(),
            e.role().name().toLowerCase(Locale.ROOT),
            e.summary(),
            e.sensitivity() == Sensitivity.STANDARD
                ? null
                : e.sensitivity().name().toLowerCase(Locale.ROOT))
        .endRow();
    feed.eventRows++;
    maybeInvalidEvent(recordId, r);
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** A deliberately broken person row, when asked for with {@code --invalid-rows}. */
  private void maybeInvalidPerson(SplittableRandom r) throws IOException {
    if (invalidRate <= 0 || r.nextDouble() >= invalidRate) {
      return;
    }
    long line = feed.persons.nextLine();
    String kind;
    switch (r.nextInt(3)) {
      case 0 -> {
        kind = "missing_record_id";
        feed.persons.fields("", "Alex", "", "Broken", "", "1990-01-01", "U");
        padPersonRow(7);
      }
      case 1 -> {
        kind = "no_name";
        feed.persons.fields(FamilyFactory.id(recordPrefix, ++nextRecord), "", "", "");
        padPersonRow(4);
      }
      default -> {
        kind = "field_count";
        feed.persons.fields(FamilyFactory.id(recordPrefix, ++nextRecord), "Alex", "", "Broken");
        padPersonRow(4);
        feed.persons.field("one too many");
      }
    }
    feed.persons.endRow();
    feed.invalidRows++;
    invalid.fields(feed.id.code(), "persons.csv", Long.toString(line), kind).endRow();
  }

  private void padPersonRow(int written) throws IOException {
    for (int i = written; i < COLUMNS; i++) {
      feed.persons.field(null);
    }
  }

  /** A deliberately broken event row, when asked for with {@code --invalid-rows}. */
  private void maybeInvalidEvent(String recordId, SplittableRandom r) throws IOException {
    if (invalidRate <= 0 || r.nextDouble() >= invalidRate) {
      return;
    }
    long line = feed.events.nextLine();
    String kind;
    String eventId = FamilyFactory.id(eventPrefix, ++nextEvent);
    switch (r.nextInt(3)) {
      case 0 -> {
        kind = "unknown_type";
        feed.events.fields(eventId, recordId, asOf.toString(), agency.code() + ".burglary");
      }
      case 1 -> {
        kind = "unknown_person";
        feed.events.fields(eventId, "ZZ" + eventId, asOf.toString(), firstType());
      }
      default -> {
        kind = "missing_event_id";
        feed.events.fields("", recordId, asOf.toString(), firstType());
      }
    }
    feed.events.fields("", "", "", "").endRow();
    feed.invalidRows++;
    invalid.fields(feed.id.code(), "events.csv", Long.toString(line), kind).endRow();
  }

  private String firstType() {
    return org.familyview.extracts.Vocabulary.standard().types(kind).getFirst().code();
  }

  @Override
  public void close() throws IOException {
    try (home) {
      if (south != null) {
        south.close();
      }
    }
  }

  /** One partner's extract: its two files and what was written to them. */
  static final class Feed implements Closeable {

    final PartnerId id;
    final CsvOut persons;
    final CsvOut events;
    long personRows;
    long eventRows;
    long invalidRows;

    Feed(PartnerId id, Path out) throws IOException {
      this.id = id;
      Path dir = Files.createDirectories(out.resolve(id.code()));
      this.persons = new CsvOut(dir.resolve("persons.csv"));
      this.events = new CsvOut(dir.resolve("events.csv"));
      for (PersonColumn column : PersonColumn.values()) {
        persons.field(column.header());
      }
      persons.endRow();
      for (EventColumn column : EventColumn.values()) {
        events.field(column.header());
      }
      events.endRow();
    }

    @Override
    public void close() throws IOException {
      try (persons) {
        events.close();
      }
    }
  }

  private IllegalStateException unsupported() {
    return new IllegalStateException("the generator writes no " + kind.code() + " feed");
  }
}

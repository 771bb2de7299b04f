package org.familyview.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.familyview.extracts.Sex;

/**
 * Builds families: single people, couples, couples and lone parents with children, three
 * generations, sharers; marriages that change names, children with either parent's or a
 * double-barrelled surname, twins (about 1.5% of births, as in England), ex-partners who moved out,
 * and households that moved house (dated).
 */
final class FamilyFactory {

  private final NameTables names = NameTables.bundled();
  private final IdentifierIssuer issuer;
  private final LocalDate asOf;
  private long nextPerson;
  private long nextFamily;

  FamilyFactory(IdentifierIssuer issuer, LocalDate asOf) {
    this.issuer = issuer;
    this.asOf = asOf;
  }

  long peopleCreated() {
    return nextPerson;
  }

  FamilyGroup build(SplittableRandom r) {
    FamilyGroup group = new FamilyGroup();
    double kind = r.nextDouble();
    if (kind < 0.28) {
      single(group, r);
    } else if (kind < 0.50) {
      couple(group, r, false);
    } else if (kind < 0.78) {
      couple(group, r, true);
    } else if (kind < 0.92) {
      loneParent(group, r);
    } else if (kind < 0.96) {
      threeGenerations(group, r);
    } else {
      sharers(group, r);
    }
    return group;
  }

  /** The largest family {@link #build} can make: two adults, four children, every one a twin. */
  static final int LARGEST_FAMILY = 10;

  /** One person living alone: fills the last places so a run has exactly the people asked for. */
  FamilyGroup buildSingle(SplittableRandom r) {
    FamilyGroup group = new FamilyGroup();
    single(group, r);
    return group;
  }

  private void single(FamilyGroup group, SplittableRandom r) {
    Member adult = adult(r, adultAge(r), r.nextBoolean() ? Sex.F : Sex.M);
    Household home = household(group, r, formedFor(adult, r));
    stay(home, adult, Household.Role.ADULT, home.formed);
  }

  private void sharers(FamilyGroup group, SplittableRandom r) {
    int count = 2 + r.nextInt(3);
    int age = 19 + r.nextInt(12);
    List<Member> adults = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      adults.add(adult(r, age + r.nextInt(5), r.nextBoolean() ? Sex.F : Sex.M));
    }
    Household home = household(group, r, asOf.minusDays(30 + r.nextInt(900)));
    for (Member adult : adults) {
      stay(home, adult, Household.Role.ADULT, home.formed);
    }
  }

  private void couple(FamilyGroup group, SplittableRandom r, boolean withChildren) {
    int womanAge = withChildren ? 22 + r.nextInt(30) : adultAge(r);
    Member woman = adult(r, womanAge, Sex.F);
    boolean sameSex = r.nextDouble() < 0.04;
    Member partner = adult(r, Math.max(18, womanAge + r.nextInt(11) - 3), sameSex ? Sex.F : Sex.M);
    if (!sameSex && r.nextDouble() < 0.6) {
      marry(woman, partner, r);
    }
    Household home = household(group, r, formedFor(woman, r));
    stay(home, woman, Household.Role.ADULT, home.formed);
    stay(home, partner, Household.Role.ADULT, home.formed);
    if (withChildren) {
      children(home, woman, partner.familyName, woman.familyName, r);
    }
  }

  private void loneParent(FamilyGroup group, SplittableRandom r) {
    boolean mother = r.nextDouble() < 0.9;
    Member parent = adult(r, 20 + r.nextInt(30), mother ? Sex.F : Sex.M);
    Member ex =
        adult(r, Math.max(18, parent.ageOn(asOf) + r.nextInt(9) - 2), mother ? Sex.M : Sex.F);
    Household home = household(group, r, formedFor(parent, r));
    stay(home, parent, Household.Role.ADULT, home.formed);
    children(home, mother ? parent : ex, ex.familyName, parent.familyName, r);
    LocalDate separated = latest(home.formed.plusDays(200), asOf.minusDays(60 + r.nextInt(2500)));
    if (separated.isAfter(asOf)) {
      separated = asOf.minusDays(30);
    }
    home.stays.add(new Household.Stay(ex, Household.Role.ADULT, home.formed, separated));
    Household exHome = household(group, r, separated);
    stay(exHome, ex, Household.Role.ADULT, separated);
  }

  private void threeGenerations(FamilyGroup group, SplittableRandom r) {
    Member grandparent = adult(r, 62 + r.nextInt(25), r.nextDouble() < 0.7 ? Sex.F : Sex.M);
    Member parent = adult(r, 22 + r.nextInt(20), Sex.F);
    parent.familyName = grandparent.familyName;
    Household home = household(group, r, formedFor(parent, r));
    stay(home, grandparent, Household.Role.ADULT, home.formed);
    stay(home, parent, Household.Role.ADULT, home.formed);
    children(home, parent, parent.familyName, parent.familyName, r);
  }

  private void children(
      Household home, Member mother, String fatherName, String motherName, SplittableRandom r) {
    double u = r.nextDouble();
    int count = u < 0.4 ? 1 : u < 0.8 ? 2 : u < 0.95 ? 3 : 4;
    int motherAge = mother.ageOn(asOf);
    for (int i = 0; i < count; i++) {
      int ageAtBirth = 19 + r.nextInt(Math.max(1, Math.min(24, motherAge - 19)));
      LocalDate born = mother.dateOfBirth.plusYears(ageAtBirth).plusDays(r.nextInt(365));
      if (born.isAfter(asOf) || born.isBefore(asOf.minusYears(18))) {
        born = asOf.minusDays(1 + r.nextInt(17 * 365));
      }
      String surname = childSurname(fatherName, motherName, r);
      Sex sex = r.nextBoolean() ? Sex.F : Sex.M;
      Member child = person(r, born, sex, surname);
      stay(home, child, Household.Role.CHILD, latest(born, home.formed));
      if (r.nextDouble() < 0.015) {
        Member twin = person(r, born, r.nextBoolean() ? sex : opposite(sex), surname);
        stay(home, twin, Household.Role.CHILD, latest(born, home.formed));
      }
    }
  }

  private String childSurname(String father, String mother, SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.7 || father.equals(mother)) {
      return father;
    }
    if (u < 0.9) {
      return mother;
    }
    return mother + "-" + father;
  }

  private void marry(Member woman, Member husband, SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.8) {
      woman.previousFamilyName = woman.familyName;
      woman.familyName = husband.familyName;
    } else if (u < 0.87 && !woman.familyName.contains("-") && !husband.familyName.contains("-")) {
      String joined = woman.familyName + "-" + husband.familyName;
      woman.previousFamilyName = woman.familyName;
      husband.previousFamilyName = husband.familyName;
      woman.familyName = joined;
      husband.familyName = joined;
    }
  }

  private Household household(FamilyGroup group, SplittableRandom r, LocalDate formed) {
    long id = ++nextFamily;
    Household home = new Household(id("F", id), formed, id);
    LocalDate from = formed;
    int moves = r.nextDouble() < 0.55 ? 0 : r.nextDouble() < 0.7 ? 1 : 2;
    List<LocalDate> moveDates = new ArrayList<>();
    long span = Math.max(1, asOf.toEpochDay() - formed.toEpochDay());
    for (int i = 0; i < moves; i++) {
      moveDates.add(LocalDate.ofEpochDay(formed.toEpochDay() + 1 + r.nextLong(span)));
    }
    moveDates.sort(null);
    String authority = homeAuthority(id);
    for (LocalDate move : moveDates) {
      if (move.isAfter(from)) {
        home.residences.add(address(r, from, move, authority));
        from = move;
      }
    }
    // A household that moved at all crosses the border with its last move now and then.
    String last =
        !home.residences.isEmpty() && unit(BORDER_SALT, id) < CROSSING_SHARE
            ? otherAuthority(authority)
            : authority;
    home.residences.add(address(r, from, null, last));
    group.households.add(home);
    return home;
  }

  /** Of households that moved, the share whose last move crossed into the other authority. */
  static final double CROSSING_SHARE = 0.15;

  private static final long HOME_SALT = 0x5EED_A7L;
  private static final long BORDER_SALT = 0xB0DE_12L;

  /**
   * The authority a household starts in, in proportion to the places each holds, so that every
   * place is as likely as before authorities. Drawn from the household's number, not its random
   * stream, which stays as it was.
   */
  private String homeAuthority(long family) {
    double u = unit(HOME_SALT, family);
    double cumulative = 0;
    String chosen = "";
    for (var share : names.authorityShares().entrySet()) {
      chosen = share.getKey();
      cumulative += share.getValue();
      if (u < cumulative) {
        break;
      }
    }
    return chosen;
  }

  private String otherAuthority(String authority) {
    return names.authorityShares().keySet().stream()
        .filter(a -> !a.equals(authority))
        .findFirst()
        .orElse(authority);
  }

  private static double unit(long salt, long n) {
    return (Generator.mix(salt, n) >>> 11) * 0x1.0p-53;
  }

  private Residence address(SplittableRandom r, LocalDate from, LocalDate to, String authority) {
    NameTables.Place place = names.place(r, authority);
    String street = names.street(r);
    int number = 1 + r.nextInt(r.nextDouble() < 0.8 ? 120 : 400);
    String line =
        r.nextDouble() < 0.15
            ? "Flat " + (1 + r.nextInt(24)) + ", " + number + " " + street + ", " + place.town()
            : number + " " + street + ", " + place.town();
    return new Residence(line, postcode(place.district(), r), from, to, authority);
  }

  private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

  /** A postcode of the real district with a made-up sector and unit, in the UK format. */
  private static String postcode(String district, SplittableRandom r) {
    return district
        + " "
        + r.nextInt(10)
        + INWARD_LETTERS.charAt(r.nextInt(INWARD_LETTERS.length()))
        + INWARD_LETTERS.charAt(r.nextInt(INWARD_LETTERS.length()));
  }

  private Member adult(SplittableRandom r, int age, Sex sex) {
    LocalDate born = asOf.minusYears(age).minusDays(r.nextInt(365));
    Member adult = person(r, born, sex, names.surname(r));
    int roll = r.nextInt(10);
    adult.phone = roll < 7 ? phone(r) : null;
    if (r.nextDouble() < 0.45) {
      adult.email = email(adult, r);
    }
    return adult;
  }

  private Member person(SplittableRandom r, LocalDate born, Sex sex, String surname) {
    long n = ++nextPerson;
    Member m = new Member(id("P", n), sex, born, names.forename(sex, born.getYear(), r), surname);
    double middle = r.nextDouble();
    if (middle < 0.6) {
      m.middleNames = names.forename(sex, born.getYear(), r);
    } else if (middle < 0.7) {
      String first = names.forename(sex, born.getYear(), r);
      String second = names.forename(sex, born.getYear(), r);
      m.middleNames = first.equals(second) ? first : first + " " + second;
    }
    if (m.middleNames != null && m.middleNames.contains(m.givenName)) {
      m.middleNames = null;
    }
    m.knownAs = names.diminutive(m.givenName, r);
    m.nhsNumber = issuer.nextNhsNumber();
    return m;
  }

  /**
   * A telephone number from the ranges Ofcom keeps for drama and fiction (07700 900xxx, 0113 496
   * 0xxx), so a synthetic number never rings a real person. There are only a few thousand such
   * numbers, so unrelated people share them: phone is weak evidence in synthetic data.
   */
  private static String phone(SplittableRandom r) {
    return r.nextBoolean()
        ? String.format(Locale.ROOT, "07700 900%03d", r.nextInt(1000))
        : String.format(Locale.ROOT, "0113 496 0%03d", r.nextInt(1000));
  }

  /** An address at the domains RFC 2606 reserves for examples. */
  private static String email(Member m, SplittableRandom r) {
    String[] domains = {"example.com", "example.org", "example.net"};
    StringBuilder local = new StringBuilder();
    for (char c : (m.givenName + "." + m.familyName).toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || c == '.') {
        local.append(c);
      }
    }
    return local
        + (r.nextBoolean() ? "" : Integer.toString(r.nextInt(100)))
        + "@"
        + domains[r.nextInt(domains.length)];
  }

  private void stay(Household home, Member member, Household.Role role, LocalDate from) {
    home.stays.add(new Household.Stay(member, role, from, null));
  }

  private LocalDate formedFor(Member adult, SplittableRandom r) {
    LocalDate adulthood = adult.dateOfBirth.plusYears(19 + r.nextInt(6));
    long span = Math.max(1, asOf.toEpochDay() - adulthood.toEpochDay());
    return LocalDate.ofEpochDay(adulthood.toEpochDay() + r.nextLong(span));
  }

  /** Adults' ages, weighted to the working ages as in the census population pyramid. */
  private static int adultAge(SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.12) {
      return 18 + r.nextInt(7);
    }
    if (u < 0.75) {
      return 25 + r.nextInt(40);
    }
    return 65 + r.nextInt(30);
  }

  /** A prefix and a number zero-padded to eight digits, without String.format's cost. */
  static String id(String prefix, long n) {
    String digits = Long.toString(n);
    StringBuilder id = new StringBuilder(prefix.length() + 8).append(prefix);
    for (int i = digits.length(); i < 8; i++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static Sex opposite(Sex sex) {
    return sex == Sex.F ? Sex.M : Sex.F;
  }
}

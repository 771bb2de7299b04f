package org.familyview.matching.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.familyview.identifiers.NhsNumber;
import org.familyview.identifiers.PncId;
import org.familyview.identifiers.Upn;
import org.familyview.matching.RecordKey;
import org.familyview.matching.SourceRecord;

/**
 * A benchmark data maker: invented UK-style people in households, dealt to four agencies, each copy
 * damaged the way partner systems damage records (nicknames, titles in name fields, typos, swapped
 * names, married names, wrong or missing dates, moves, missing and mistyped identifiers), with
 * twins. Everything is made up from small name tables and a seeded random source; there is no
 * personal data. The matching module's own stand-in for the generator module, so benchmarks and
 * tests do not depend on it; {@code corruption} scales every error rate.
 */
public final class SyntheticExtracts {

  static final List<String> AGENCIES = List.of("police", "health", "council", "education");

  private static final String[] MALE = {
    "oliver",
    "george",
    "harry",
    "jack",
    "jacob",
    "noah",
    "charlie",
    "thomas",
    "oscar",
    "william",
    "james",
    "henry",
    "leo",
    "alfie",
    "joshua",
    "freddie",
    "archie",
    "ethan",
    "isaac",
    "alexander",
    "joseph",
    "edward",
    "samuel",
    "max",
    "logan",
    "lucas",
    "daniel",
    "theo",
    "arthur",
    "mohammed",
    "harrison",
    "benjamin",
    "mason",
    "finley",
    "sebastian",
    "adam",
    "dylan",
    "zachary",
    "riley",
    "teddy",
    "david",
    "john",
    "michael",
    "paul",
    "andrew",
    "mark",
    "richard",
    "robert",
    "peter",
    "stephen",
    "christopher",
    "anthony",
    "kevin",
    "gary",
    "ian",
    "simon",
    "matthew",
    "jonathan",
    "nicholas",
    "patrick",
    "callum",
    "kieran",
    "liam",
    "connor",
    "ryan",
    "aaron",
    "jamal",
    "kwame",
    "tariq",
    "imran",
    "ravi",
    "arjun",
    "piotr",
    "tomasz",
    "declan",
    "rhys",
    "owen",
    "euan",
    "ross"
  };
  private static final String[] FEMALE = {
    "olivia",
    "amelia",
    "isla",
    "ava",
    "emily",
    "isabella",
    "mia",
    "poppy",
    "ella",
    "lily",
    "sophia",
    "grace",
    "evie",
    "jessica",
    "sophie",
    "ruby",
    "chloe",
    "freya",
    "daisy",
    "alice",
    "florence",
    "charlotte",
    "phoebe",
    "matilda",
    "scarlett",
    "erin",
    "holly",
    "ellie",
    "megan",
    "lucy",
    "sarah",
    "elizabeth",
    "margaret",
    "susan",
    "patricia",
    "deborah",
    "rebecca",
    "victoria",
    "catherine",
    "jennifer",
    "amanda",
    "joanne",
    "helen",
    "rachel",
    "claire",
    "laura",
    "emma",
    "hannah",
    "katherine",
    "nicola",
    "samantha",
    "kimberley",
    "danielle",
    "abigail",
    "natalie",
    "aisha",
    "fatima",
    "zara",
    "amina",
    "priya",
    "anika",
    "agnieszka",
    "siobhan",
    "niamh",
    "carys",
    "bethan",
    "eilidh",
    "kirsty",
    "gemma",
    "leanne",
    "stacey",
    "dorothy",
    "mary",
    "jane",
    "anne"
  };
  private static final String[] SURNAMES = {
    "smith",
    "jones",
    "williams",
    "taylor",
    "brown",
    "davies",
    "evans",
    "wilson",
    "thomas",
    "johnson",
    "roberts",
    "robinson",
    "thompson",
    "wright",
    "walker",
    "white",
    "edwards",
    "hughes",
    "green",
    "hall",
    "lewis",
    "harris",
    "clarke",
    "patel",
    "jackson",
    "wood",
    "turner",
    "martin",
    "cooper",
    "hill",
    "ward",
    "morris",
    "moore",
    "clark",
    "lee",
    "king",
    "baker",
    "harrison",
    "morgan",
    "allen",
    "james",
    "scott",
    "phillips",
    "watson",
    "davis",
    "parker",
    "price",
    "bennett",
    "young",
    "griffiths",
    "mitchell",
    "kelly",
    "cook",
    "carter",
    "richardson",
    "bailey",
    "collins",
    "bell",
    "shaw",
    "murphy",
    "miller",
    "cox",
    "richards",
    "khan",
    "marshall",
    "anderson",
    "simpson",
    "ellis",
    "adams",
    "singh",
    "begum",
    "wilkinson",
    "foster",
    "chapman",
    "powell",
    "webb",
    "rogers",
    "gray",
    "mason",
    "ali",
    "hunt",
    "hussain",
    "campbell",
    "matthews",
    "owen",
    "palmer",
    "holmes",
    "mills",
    "barnes",
    "knight",
    "lloyd",
    "butler",
    "russell",
    "barker",
    "fisher",
    "stevens",
    "jenkins",
    "murray",
    "dixon",
    "harvey",
    "o'brien",
    "mcdonald",
    "okonkwo",
    "nowak",
    "kowalski",
    "ahmed",
    "chowdhury",
    "mensah",
    "osei",
    "nguyen",
    "fitzgerald",
    "macleod",
    "ap rhys"
  };
  private static final String[] SYLLABLES = {
    "ash", "bar", "ber", "brook", "by", "cal", "dale", "don", "ell", "ford", "gar", "ham", "hart",
    "ing", "kin", "lan", "ley", "low", "mer", "mont", "nor", "ock", "pen", "ridge", "ros", "sel",
    "ston", "ter", "ton", "vin", "wick", "win", "worth", "yar"
  };
  private static final String[] STREETS = {
    "high street",
    "station road",
    "church lane",
    "victoria road",
    "green lane",
    "manor road",
    "park avenue",
    "the crescent",
    "mill lane",
    "queens road",
    "new road",
    "kings road",
    "albert street",
    "london road",
    "school lane",
    "north street",
    "oak close",
    "elm grove",
    "orchard way",
    "chapel street",
    "springfield road",
    "west end",
    "meadow view"
  };
  private static final String[] TOWNS = {
    "leeds",
    "bristol",
    "sheffield",
    "bradford",
    "coventry",
    "leicester",
    "nottingham",
    "hull",
    "stoke",
    "derby",
    "luton",
    "reading",
    "york",
    "exeter",
    "preston",
    "norwich",
    "swansea",
    "cardiff",
    "newport",
    "wolverhampton"
  };
  private static final String[] AREAS = {
    "LS", "BS", "S", "BD", "CV", "LE", "NG", "HU", "ST", "DE", "LU", "RG", "YO", "EX", "PR", "NR",
    "SA", "CF", "NP", "WV"
  };
  private static final String[] TITLES = {"mr", "mrs", "miss", "ms", "dr", "master", "mstr"};
  private static final Map<String, List<String>> NICKNAMES = nicknames();

  private final SplittableRandom random;
  private final double corruption;

  /** One invented person's true details. */
  private record Truth(
      long id,
      String forename,
      String middle,
      String surname,
      int year,
      int month,
      int day,
      char sex,
      int household,
      String address,
      String postcode,
      String nhs,
      String upn,
      String pnc,
      String phone) {}

  /** The extracts and the truth. */
  public record Population(List<SourceRecord> records, Map<RecordKey, String> truth) {}

  public SyntheticExtracts(long seed, double corruption) {
    this.random = new SplittableRandom(seed);
    this.corruption = corruption;
  }

  /** About {@code records} records (people times agencies they appear in). */
  public Population generate(int records) {
    List<SourceRecord> out = new ArrayList<>(records + 16);
    Map<RecordKey, String> truth = new HashMap<>(records * 2);
    long person = 0;
    int household = 0;
    int[] serial = new int[AGENCIES.size()];
    while (out.size() < records) {
      household++;
      List<Truth> members = household(household, person);
      person += members.size();
      for (Truth t : members) {
        for (int a = 0; a < AGENCIES.size() && out.size() < records; a++) {
          int copies = copies(a, t);
          for (int c = 0; c < copies && out.size() < records; c++) {
            String agency = AGENCIES.get(a);
            String id = agency.substring(0, 3).toUpperCase(Locale.ROOT) + (++serial[a]);
            out.add(damage(agency, id, t));
            truth.put(new RecordKey(agency, id), Long.toString(t.id()));
          }
        }
      }
    }
    return new Population(out, truth);
  }

  private int copies(int agency, Truth t) {
    boolean child = t.year() >= 2006;
    double p =
        switch (agency) {
          case 0 -> child ? 0.15 : 0.3;
          case 1 -> 0.85;
          case 2 -> 0.4;
          default -> child ? 0.9 : 0.02;
        };
    if (random.nextDouble() >= p) {
      return 0;
    }
    return random.nextDouble() < 0.05 * corruption ? 2 : 1;
  }

  private List<Truth> household(int household, long firstId) {
    String surname = surname();
    String address = (1 + random.nextInt(180)) + " " + pick(STREETS) + " " + pick(TOWNS);
    String postcode = postcode();
    String phone = "07" + (100000000 + random.nextInt(899999999));
    int adults = 1 + random.nextInt(2);
    int children = random.nextInt(4);
    List<Truth> members = new ArrayList<>();
    int parentYear = 1950 + random.nextInt(55);
    for (int i = 0; i < adults; i++) {
      members.add(
          person(
              firstId + members.size(),
              surname,
              parentYear + random.nextInt(7) - 3,
              household,
              address,
              postcode,
              phone));
    }
    int childYear = Math.min(2024, parentYear + 20 + random.nextInt(15));
    for (int i = 0; i < children; i++) {
      Truth child =
          person(
              firstId + members.size(),
              surname,
              childYear + i * 2,
              household,
              address,
              postcode,
              null);
      members.add(child);
      if (random.nextDouble() < 0.04) {
        // A twin: same birth date, surname and address, a different forename.
        Truth twin =
            person(
                firstId + members.size(),
                surname,
                child.year(),
                household,
                address,
                postcode,
                null);
        members.add(
            new Truth(
                twin.id(),
                twin.forename(),
                twin.middle(),
                surname,
                child.year(),
                child.month(),
                child.day(),
                twin.sex(),
                household,
                address,
                postcode,
                twin.nhs(),
                twin.upn(),
                twin.pnc(),
                null));
      }
    }
    return members;
  }

  private Truth person(
      long id,
      String surname,
      int year,
      int household,
      String address,
      String postcode,
      String phone) {
    char sex = random.nextBoolean() ? 'M' : 'F';
    String forename = pick(sex == 'M' ? MALE : FEMALE);
    String middle = random.nextDouble() < 0.5 ? pick(sex == 'M' ? MALE : FEMALE) : "";
    if (random.nextDouble() < 0.15) {
      forename = invented();
    }
    String nhs = nhsNumber();
    String upn =
        year >= 2000
            ? Upn.withCheckLetter(
                    String.format(
                        "%03d%04d%02d%03d",
                        800 + random.nextInt(99),
                        random.nextInt(10000),
                        year % 100,
                        random.nextInt(1000)))
                .toString()
            : null;
    String pnc =
        random.nextDouble() < 0.5
            ? PncId.withCheckCharacter(random.nextInt(100), random.nextInt(9_999_999)).toString()
            : null;
    return new Truth(
        id,
        forename,
        middle,
        surname,
        year,
        1 + random.nextInt(12),
        1 + random.nextInt(28),
        sex,
        household,
        address,
        postcode,
        nhs,
        upn,
        pnc,
        phone);
  }

  private String nhsNumber() {
    while (true) {
      String nine = String.format("%09d", 400_000_000 + random.nextInt(599_999_999));
      var nhs = NhsNumber.withCheckDigit(nine);
      if (nhs.isPresent()) {
        return nhs.get().digits();
      }
    }
  }

  private String surname() {
    double r = random.nextDouble();
    if (r < 0.55) {
      // Roughly Zipf: the commonest names are much commoner.
      return SURNAMES[(int) (SURNAMES.length * Math.pow(random.nextDouble(), 1.5))];
    }
    if (r < 0.6) {
      return pick(SURNAMES) + "-" + pick(SURNAMES);
    }
    return invented();
  }

  private String invented() {
    return pick(SYLLABLES) + pick(SYLLABLES) + (random.nextBoolean() ? pick(SYLLABLES) : "");
  }

  private String postcode() {
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    return pick(AREAS)
        + (1 + random.nextInt(30))
        + " "
        + random.nextInt(10)
        + letters.charAt(random.nextInt(letters.length()))
        + letters.charAt(random.nextInt(letters.length()));
  }

  private boolean chance(double p) {
    return random.nextDouble() < p * corruption;
  }

  private SourceRecord damage(String agency, String id, Truth t) {
    String forename = t.forename();
    String surname = t.surname();
    List<String> aliases = new ArrayList<>();
    if (chance(0.15) && NICKNAMES.containsKey(forename)) {
      List<String> nicks = NICKNAMES.get(forename);
      forename = nicks.get(random.nextInt(nicks.size()));
    }
    if (chance(0.1)) {
      forename = typo(forename);
    }
    if (chance(0.1)) {
      surname = typo(surname);
    }
    if (chance(0.06)) {
      String married = surname();
      if (chance(0.5)) {
        aliases.add(surname);
      }
      surname = married;
    }
    if (chance(0.05)) {
      forename = pick(TITLES) + " " + forename;
    }
    if (chance(0.03)) {
      String swap = forename;
      forename = surname;
      surname = swap;
    }
    if (chance(0.04)) {
      forename = "";
    }
    if (chance(0.02)) {
      surname = "";
    }
    String dob = dateOfBirth(t);
    String address = t.address();
    String postcode = t.postcode();
    if (chance(0.1)) {
      address = (1 + random.nextInt(180)) + " " + pick(STREETS) + " " + pick(TOWNS);
      postcode = postcode();
    }
    if (chance(0.03)) {
      postcode = typo(postcode.replace(" ", "")).toUpperCase(Locale.ROOT);
    }
    if (chance(0.1)) {
      postcode = "";
    }
    if (chance(0.1)) {
      address = "";
    }
    boolean health = agency.equals("health");
    String nhs = (health ? random.nextDouble() < 0.95 : random.nextDouble() < 0.3) ? t.nhs() : "";
    if (!nhs.isEmpty() && chance(0.02)) {
      nhs = typo(nhs);
    }
    String upn = agency.equals("education") && t.upn() != null ? t.upn() : "";
    String pnc = agency.equals("police") && t.pnc() != null ? t.pnc() : "";
    String sex = chance(0.2) ? "U" : String.valueOf(t.sex());
    String phone = t.phone() != null && random.nextDouble() < 0.4 ? t.phone() : "";
    return new SourceRecord(
        agency,
        id,
        cased(forename),
        cased(random.nextDouble() < 0.7 ? t.middle() : ""),
        cased(surname),
        aliases,
        dob,
        sex,
        address,
        postcode,
        nhs,
        upn,
        pnc,
        phone,
        "",
        agency + "-H" + t.household());
  }

  private String dateOfBirth(Truth t) {
    int y = t.year();
    int m = t.month();
    int d = t.day();
    if (chance(0.05)) {
      return "";
    }
    if (chance(0.03) && d <= 12) {
      int s = m;
      m = d;
      d = s;
    } else if (chance(0.03)) {
      y += random.nextBoolean() ? 1 : -1;
    } else if (chance(0.05)) {
      String digits = String.format("%04d%02d%02d", y, m, d);
      int at = 2 + random.nextInt(6);
      digits = digits.substring(0, at) + random.nextInt(10) + digits.substring(at + 1);
      return digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6);
    } else if (chance(0.01)) {
      return "1900-01-01";
    }
    return String.format("%04d-%02d-%02d", y, m, d);
  }

  private String typo(String value) {
    if (value.length() < 2) {
      return value;
    }
    int at = random.nextInt(value.length());
    char c = (char) ('a' + random.nextInt(26));
    return switch (random.nextInt(4)) {
      case 0 -> value.substring(0, at) + c + value.substring(at + 1);
      case 1 -> value.substring(0, at) + value.substring(at + 1);
      case 2 -> value.substring(0, at) + c + value.substring(at);
      default ->
          at + 1 < value.length()
              ? value.substring(0, at)
                  + value.charAt(at + 1)
                  + value.charAt(at)
                  + value.substring(at + 2)
              : value;
    };
  }

  private String cased(String value) {
    if (value.isEmpty() || random.nextDouble() < 0.5) {
      return value.toUpperCase(Locale.ROOT);
    }
    return Character.toUpperCase(value.charAt(0)) + value.substring(1);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static Map<String, List<String>> nicknames() {
    Map<String, List<String>> map = new HashMap<>();
    map.put("william", List.of("bill", "billy", "will", "liam"));
    map.put("margaret", List.of("peggy", "maggie", "meg"));
    map.put("john", List.of("jack", "johnny"));
    map.put("elizabeth", List.of("liz", "beth", "betty", "lizzie"));
    map.put("robert", List.of("bob", "rob", "robbie"));
    map.put("richard", List.of("rick", "dick", "richie"));
    map.put("alexander", List.of("alex", "sandy"));
    map.put("catherine", List.of("cathy", "kate", "katie"));
    map.put("katherine", List.of("kate", "kathy", "katie"));
    map.put("thomas", List.of("tom", "tommy"));
    map.put("james", List.of("jim", "jimmy", "jamie"));
    map.put("samuel", List.of("sam", "sammy"));
    map.put("samantha", List.of("sam", "sammie"));
    map.put("daniel", List.of("dan", "danny"));
    map.put("michael", List.of("mike", "mick"));
    map.put("rebecca", List.of("becky", "becca"));
    map.put("jessica", List.of("jess", "jessie"));
    map.put("edward", List.of("ed", "eddie", "ted"));
    map.put("benjamin", List.of("ben", "benji"));
    map.put("joseph", List.of("joe", "joey"));
    map.put("matthew", List.of("matt"));
    map.put("nicholas", List.of("nick", "nicky"));
    map.put("christopher", List.of("chris", "kit"));
    map.put("victoria", List.of("vicky", "tori"));
    map.put("patricia", List.of("pat", "trish"));
    map.put("susan", List.of("sue", "susie"));
    map.put("deborah", List.of("debbie", "deb"));
    map.put("anthony", List.of("tony"));
    map.put("stephen", List.of("steve"));
    map.put("andrew", List.of("andy", "drew"));
    map.put("henry", List.of("harry", "hal"));
    map.put("frederick", List.of("fred", "freddie"));
    map.put("dorothy", List.of("dot", "dolly"));
    map.put("abigail", List.of("abbie", "abby"));
    return map;
  }
}

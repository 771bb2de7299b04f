package org.familyview.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.familyview.extracts.PartnerId;

/**
 * {@code java -jar familyview-generator.jar --people N --out DIR [options]}: the command line of
 * the generator, which {@code ./familyview generate} runs. Exit status 0 on success, 2 for a usage
 * error (with every problem listed at once), 1 if writing failed.
 */
public final class GeneratorCommand {

  static final String USAGE =
      """
      Usage: familyview generate --people N --out DIR [options]

      Writes a synthetic world of N people as partner extracts:
        DIR/{police,health,council,education}/persons.csv and events.csv  (extract contract v1)
        and, with --partners by-authority, DIR/{health,council,education}-south/ as well
        DIR/truth.csv      agency,record_id,person_id  (which record is which person)
        DIR/families.csv   family_id,person_id,role,from,to  (true household membership)
        DIR/criteria.csv   family_id,criterion  (Supporting Families problems each family has)
        DIR/addresses.csv  family_id,address,postcode,from,to  (where each household lived)
        DIR/authorities.csv  family_id,authority  (the authority each family lives in now)
        DIR/border-moves.csv  family_id,from_authority,to_authority,on  (moves across the border)
        DIR/errors.csv     agency,record_id,error  (the deliberate errors in each record)
        DIR/invalid.csv    agency,file,line,kind  (rows broken on purpose, see --invalid-rows)

      Options:
        --people N           people to create, 1 to 9000000 (required)
        --out DIR            output folder, created if needed (required)
        --seed S             random seed (default 1); the same seed gives identical files
        --as-of YYYY-MM-DD   the day the extracts are taken (default 2026-11-01)
        --history-years Y    years of events before --as-of (default 3)
        --event-scale F      multiplier on repeated events, e.g. 2 for busier histories (default 1)
        --troubled-rate F    share of families with children that meet Supporting Families
                             criteria (default 0.12)
        --error-scale F      multiply every agency's error rates by F (0 = clean data)
        --profile hard       add the hard cases of public linkage sets to every agency: honorifics
                             and post-nominals in names (3%), year-only birth dates stored as
                             1 January (2%), emails with one letter wrong (5%), dates of birth
                             a day, a month or a year out (3%), phones with one digit wrong (3%)
        --error KIND=RATE    set one error rate for every agency, e.g. --error typo=0.05
        --error AGENCY.KIND=RATE
                             set one agency's rate, e.g. --error police.nickname=0.3
                             kinds: typo dmswap nameswap missing placeholder duplicate nickname
                                    stale oldname idtypo format honorific yearonly emailtypo
                                    dobslip phonetypo
        --partners P         v1 (default): the four partners of version 1 hold every record;
                             by-authority: families living in Southshire now are held by
                             health-south, council-south and education-south instead (the
                             police serve both); the same people, records and events either way
        --invalid-rows F     after each row, with chance F, add a row the contract rejects
                             (listed in invalid.csv); default 0: every row is loadable
        --help               this text
      """;

  private GeneratorCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> problems = new ArrayList<>();
    Optional<GeneratorOptions> options = parse(args, problems, out);
    if (!problems.isEmpty()) {
      problems.forEach(p -> err.println("familyview generate: " + p));
      err.println("Run with --help for usage.");
      return 2;
    }
    if (options.isEmpty()) {
      return 0;
    }
    long started = System.nanoTime();
    try {
      Generator.Summary summary = new Generator(options.get()).run();
      double seconds = (System.nanoTime() - started) / 1e9;
      out.printf(
          "Wrote %,d people in %,d households to %s in %.1f s%n",
          summary.people(), summary.families(), options.get().out(), seconds);
      for (PartnerId partner : summary.personRows().keySet()) {
        out.printf(
            "  %-15s %,10d persons %,11d events%n",
            partner.code(), summary.personRows().get(partner), summary.eventRows().get(partner));
      }
      if (summary.invalidRows() > 0) {
        out.printf("  %,d rows broken on purpose (invalid.csv)%n", summary.invalidRows());
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("familyview generate: could not write " + options.get().out() + ": " + e);
      return 1;
    }
  }

  /** The options, or empty for --help; problems collects every usage error. */
  static Optional<GeneratorOptions> parse(String[] args, List<String> problems, PrintStream out) {
    Draft draft = new Draft();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.print(USAGE);
        return Optional.empty();
      }
      if (!arg.startsWith("--")) {
        problems.add("unexpected argument: " + arg);
        continue;
      }
      String value;
      int eq = arg.indexOf('=');
      String name = arg;
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        problems.add(arg + " needs a value");
        continue;
      }
      draft.set(name, value, problems);
    }
    return draft.options(problems);
  }

  /** The options as parsed so far, with their defaults; every usage error goes to problems. */
  private static final class Draft {
    private Long people;
    private Path dir;
    private long seed = 1;
    private LocalDate asOf = GeneratorOptions.DEFAULT_AS_OF;
    private int historyYears = 3;
    private double eventScale = 1;
    private double troubledRate = 0.12;
    private double errorScale = 1;
    private double invalidRows = 0;
    private final List<String> errorOverrides = new ArrayList<>();
    private boolean hard = false;
    private boolean byAuthority = false;

    void set(String name, String value, List<String> problems) {
      switch (name) {
        case "--people" ->
            people = longValue(name, value, 1, IdentifierIssuer.MAX_PEOPLE, problems);
        case "--out" -> dir = Path.of(value);
        case "--seed" -> seed = longValue(name, value, Long.MIN_VALUE, Long.MAX_VALUE, problems);
        case "--as-of" -> {
          try {
            asOf = LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            problems.add("--as-of must be a date like 2026-11-01, not " + value);
          }
        }
        case "--history-years" -> historyYears = (int) longValue(name, value, 1, 30, problems);
        case "--event-scale" -> eventScale = doubleValue(name, value, 0, 100, problems);
        case "--troubled-rate" -> troubledRate = doubleValue(name, value, 0, 1, problems);
        case "--error-scale" -> errorScale = doubleValue(name, value, 0, 100, problems);
        case "--invalid-rows" -> invalidRows = doubleValue(name, value, 0, 1, problems);
        case "--error" -> errorOverrides.add(value);
        case "--partners" -> setPartners(value, problems);
        case "--profile" -> {
          if (value.equals("hard")) {
            hard = true;
          } else {
            problems.add("--profile must be hard, not " + value);
          }
        }
        default -> problems.add("unknown option " + name);
      }
    }

    private void setPartners(String value, List<String> problems) {
      switch (value) {
        case "v1" -> byAuthority = false;
        case "by-authority" -> byAuthority = true;
        default -> problems.add("--partners must be v1 or by-authority, not " + value);
      }
    }

    Optional<GeneratorOptions> options(List<String> problems) {
      if (people == null) {
        problems.add("--people is required");
      }
      if (dir == null) {
        problems.add("--out is required");
      }
      Map<PartnerId, ErrorProfile> profiles = new LinkedHashMap<>();
      for (PartnerId agency : PartnerId.V1) {
        profiles.put(agency, ErrorProfile.defaults(agency).scaled(errorScale));
      }
      if (hard) {
        HardCases.switchOn(profiles);
      }
      for (String override : errorOverrides) {
        applyOverride(override, profiles, problems);
      }
      if (!problems.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new GeneratorOptions(
              people,
              dir,
              seed,
              asOf,
              historyYears,
              eventScale,
              troubledRate,
              invalidRows,
              profiles,
              byAuthority));
    }
  }

  private static void applyOverride(
      String override, Map<PartnerId, ErrorProfile> profiles, List<String> problems) {
    int eq = override.indexOf('=');
    if (eq < 0) {
      problems.add("--error needs KIND=RATE or AGENCY.KIND=RATE, not " + override);
      return;
    }
    String key = override.substring(0, eq);
    double rate = doubleValue("--error " + key, override.substring(eq + 1), 0, 1, problems);
    List<PartnerId> agencies = PartnerId.V1;
    String kindName = key;
    int dot = key.indexOf('.');
    if (dot > 0) {
      Optional<PartnerId> agency = PartnerId.fromCode(key.substring(0, dot));
      if (agency.isEmpty()) {
        problems.add("unknown agency in --error " + override);
        return;
      }
      agencies = List.of(agency.get());
      kindName = key.substring(dot + 1);
    }
    Optional<ErrorKind> kind = ErrorKind.fromFlag(kindName);
    if (kind.isEmpty()) {
      problems.add("unknown error kind in --error " + override);
      return;
    }
    for (PartnerId agency : agencies) {
      profiles.put(agency, profiles.get(agency).with(kind.get(), rate));
    }
  }

  private static long longValue(
      String name, String value, long min, long max, List<String> problems) {
    try {
      long n = Long.parseLong(value.replace("_", ""));
      if (n < min || n > max) {
        problems.add(name + " must be between " + min + " and " + max + ", not " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, not " + value);
      return min;
    }
  }

  private static double doubleValue(
      String name, String value, double min, double max, List<String> problems) {
    try {
      double d = Double.parseDouble(value);
      if (!(d >= min && d <= max)) {
        problems.add(name + " must be between " + min + " and " + max + ", not " + value);
      }
      return d;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a number, not " + value);
      return min;
    }
  }
}

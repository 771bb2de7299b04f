package org.familyview.search.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.familyview.identifiers.NhsNumber;
import org.familyview.identifiers.PncId;
import org.familyview.identifiers.Postcode;
import org.familyview.identifiers.Upn;

/**
 * A search box entry, read into its parts. People type "jon smyth 3/2/14 ls6", "Smith 2014-02-03",
 * "943 476 5919" or "SW1A 1AA"; each part is recognised by its shape, and whatever is left is
 * names. A date typed day-first that could also be month-first (3/2/14) keeps both readings, since
 * day/month swaps are among the commonest errors in agency records.
 *
 * @param names folded name tokens
 * @param datesOfBirth candidate dates of birth, most likely first
 * @param postcode a full postcode, if one was typed
 * @param district a postcode district (outward code) typed alone, e.g. "LS6"
 * @param identifiers NHS numbers, UPNs and PNC ids in their normal form
 */
public record SearchQuery(
    List<String> names,
    List<LocalDate> datesOfBirth,
    Optional<Postcode> postcode,
    Optional<String> district,
    Set<String> identifiers) {

  private static final Pattern NUMERIC_DATE =
      Pattern.compile("(\\d{1,4})[/.\\-](\\d{1,2})[/.\\-](\\d{1,4})");
  private static final Pattern NHS_SPACED = Pattern.compile("\\b(\\d{3}) (\\d{3}) (\\d{4})\\b");
  private static final Pattern POSTCODE_SPACED =
      Pattern.compile("\\b([A-Za-z]{1,2}\\d[A-Za-z\\d]?) (\\d[A-Za-z]{2})\\b");
  private static final Pattern DISTRICT = Pattern.compile("[A-Za-z]{1,2}\\d[A-Za-z\\d]?");
  private static final Pattern WRITTEN_DATE =
      Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9}) (\\d{2}|\\d{4})\\b");

  public boolean isEmpty() {
    return names.isEmpty()
        && datesOfBirth.isEmpty()
        && postcode.isEmpty()
        && district.isEmpty()
        && identifiers.isEmpty();
  }

  public static SearchQuery parse(String text, LocalDate today) {
    Parsing parsing = new Parsing(today);
    String rest = joinSpacedNhsNumbers(text.strip());
    rest = parsing.takeWrittenDates(rest);
    rest = parsing.takeSpacedPostcode(rest);
    for (String token : rest.split("\\s+")) {
      if (!token.isBlank()) {
        parsing.take(token);
      }
    }
    return parsing.query();
  }

  /** "943 476 5919" as typed from a letter is one NHS number, not three tokens. */
  private static String joinSpacedNhsNumbers(String text) {
    Matcher nhs = NHS_SPACED.matcher(text);
    StringBuilder joined = new StringBuilder();
    while (nhs.find()) {
      nhs.appendReplacement(joined, nhs.group(1) + nhs.group(2) + nhs.group(3));
    }
    nhs.appendTail(joined);
    return joined.toString();
  }

  /** What a query's text has given so far; each step takes its part out of the text. */
  private static final class Parsing {

    private final LocalDate today;
    private final List<LocalDate> dates = new ArrayList<>();
    private final Set<String> identifiers = new LinkedHashSet<>();
    private final List<String> names = new ArrayList<>();
    private Optional<Postcode> postcode = Optional.empty();
    private Optional<String> district = Optional.empty();

    Parsing(LocalDate today) {
      this.today = today;
    }

    String takeWrittenDates(String rest) {
      Matcher written = WRITTEN_DATE.matcher(rest);
      StringBuilder withoutWritten = new StringBuilder();
      while (written.find()) {
        Optional<Month> month = month(written.group(2));
        if (month.isPresent()) {
          date(
                  year(Integer.parseInt(written.group(3)), written.group(3).length(), today),
                  month.get().getValue(),
                  Integer.parseInt(written.group(1)))
              .ifPresent(dates::add);
          written.appendReplacement(withoutWritten, " ");
        }
      }
      written.appendTail(withoutWritten);
      return withoutWritten.toString();
    }

    String takeSpacedPostcode(String rest) {
      Matcher spaced = POSTCODE_SPACED.matcher(rest);
      if (spaced.find()) {
        Optional<Postcode> found = Postcode.parse(spaced.group(1) + spaced.group(2));
        if (found.isPresent()) {
          postcode = found;
          return rest.substring(0, spaced.start()) + " " + rest.substring(spaced.end());
        }
      }
      return rest;
    }

    /** One token: a date, an identifier, a postcode or its district, else a name. */
    void take(String token) {
      Matcher numeric = NUMERIC_DATE.matcher(token);
      if (numeric.matches()) {
        dates.addAll(numericDates(numeric, today));
      } else if (token.matches("\\d{8}")) {
        // ddmmyyyy, as typed into many case systems.
        date(
                Integer.parseInt(token.substring(4)),
                Integer.parseInt(token.substring(2, 4)),
                Integer.parseInt(token.substring(0, 2)))
            .ifPresent(dates::add);
      } else if (identifier(token).isPresent()) {
        identifiers.add(identifier(token).get());
      } else if (Postcode.parse(token).isPresent() && token.length() >= 5) {
        postcode = Postcode.parse(token);
      } else if (DISTRICT.matcher(token).matches()) {
        district = Optional.of(token.toUpperCase(Locale.ROOT));
      } else {
        names.addAll(NameKeys.tokens(token));
      }
    }

    SearchQuery query() {
      return new SearchQuery(
          List.copyOf(names),
          List.copyOf(new LinkedHashSet<>(dates)),
          postcode,
          district,
          identifiers);
    }
  }

  private static Optional<String> identifier(String token) {
    Optional<String> nhs = NhsNumber.parse(token).map(NhsNumber::digits);
    if (nhs.isPresent()) {
      return nhs;
    }
    Optional<String> upn = Upn.parse(token).map(Upn::value);
    if (upn.isPresent()) {
      return upn;
    }
    return PncId.parse(token).map(PncId::value);
  }

  private static List<LocalDate> numericDates(Matcher m, LocalDate today) {
    String a = m.group(1);
    String b = m.group(2);
    String c = m.group(3);
    List<LocalDate> dates = new ArrayList<>(2);
    if (a.length() == 4) {
      date(Integer.parseInt(a), Integer.parseInt(b), Integer.parseInt(c)).ifPresent(dates::add);
      return dates;
    }
    int year = year(Integer.parseInt(c), c.length(), today);
    int first = Integer.parseInt(a);
    int second = Integer.parseInt(b);
    // English writers put the day first; the swapped reading comes second.
    date(year, second, first).ifPresent(dates::add);
    if (first != second) {
      date(year, first, second).ifPresent(dates::add);
    }
    return dates;
  }

  /** Two-digit years are the most recent year with those digits that is not in the future. */
  private static int year(int value, int digits, LocalDate today) {
    if (digits > 2) {
      return value;
    }
    int century = today.getYear() / 100 * 100;
    int year = century + value;
    return year > today.getYear() ? year - 100 : year;
  }

  private static Optional<LocalDate> date(int year, int month, int day) {
    // Every typed date is tried both ways round, so half of them are impossible: answer those
    // without the cost of an exception.
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(year, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Month> month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
      if (full.equals(w) || (w.length() >= 3 && full.startsWith(w))) {
        return Optional.of(month);
      }
    }
    return Optional.empty();
  }
}

package org.familyview.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.familyview.extracts.Sex;
import org.jspecify.annotations.Nullable;

/**
 * The bundled tables of names and places: forenames weighted by sex and birth-year band, surnames
 * weighted by frequency, diminutives, and the towns, postcode districts (each in one of two
 * authorities) and streets of a West Yorkshire-like sub-region. All synthetic frequency tables;
 * none describes a real person.
 */
final class NameTables {

  /** The first birth year of each band of forenames.csv. */
  private static final int[] BAND_STARTS = {1935, 1956, 1976, 1996, 2011};

  record Place(String town, String district, String authority) {}

  private final Map<Sex, List<Weighted<String>>> forenames = new HashMap<>();
  private final Weighted<String> surnames;
  private final Map<String, String[]> diminutives = new HashMap<>();
  private final List<Place> places = new ArrayList<>();
  private final List<String> streets = new ArrayList<>();

  private NameTables() {
    for (Sex sex : List.of(Sex.M, Sex.F)) {
      forenames.put(sex, new ArrayList<>());
    }
    List<String[]> rows = rows("forenames.csv");
    for (Sex sex : List.of(Sex.M, Sex.F)) {
      for (int band = 0; band < BAND_STARTS.length; band++) {
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String[] row : rows) {
          if (row[0].equals(sex.name())) {
            names.add(row[1]);
            weights.add(Double.parseDouble(row[2 + band]));
          }
        }
        forenames.get(sex).add(new Weighted<>(names, unbox(weights)));
      }
    }
    List<String> names = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (String[] row : rows("surnames.csv")) {
      names.add(row[0]);
      weights.add(Double.parseDouble(row[1]));
    }
    surnames = new Weighted<>(names, unbox(weights));
    for (String[] row : rows("nicknames.csv")) {
      diminutives.put(row[0], row[1].split("\\|"));
    }
    for (String[] row : rows("places.csv")) {
      places.add(new Place(row[0], row[1], row[2]));
    }
    for (String[] row : rows("streets.csv")) {
      streets.add(row[0]);
    }
  }

  private static final NameTables BUNDLED = new NameTables();

  static NameTables bundled() {
    return BUNDLED;
  }

  String forename(Sex sex, int birthYear, SplittableRandom random) {
    int band = 0;
    while (band + 1 < BAND_STARTS.length && birthYear >= BAND_STARTS[band + 1]) {
      band++;
    }
    return forenames.get(sex == Sex.F ? Sex.F : Sex.M).get(band).pick(random);
  }

  /** A surname; about 2% are double-barrelled, joined with a hyphen. */
  String surname(SplittableRandom random) {
    String name = surnames.pick(random);
    if (random.nextDouble() < 0.02) {
      String other = surnames.pick(random);
      if (!other.equals(name)) {
        return name + "-" + other;
      }
    }
    return name;
  }

  /** A diminutive of {@code forename}, or null if it has none. */
  @Nullable String diminutive(String forename, SplittableRandom random) {
    String[] options = diminutives.get(forename);
    return options == null ? null : options[random.nextInt(options.length)];
  }

  Place place(SplittableRandom random) {
    return places.get(random.nextInt(places.size()));
  }

  /**
   * A place in one authority, drawn with the one random number {@link #place} draws, so that the
   * rest of a family's random stream is what it was before authorities.
   */
  Place place(SplittableRandom random, String authority) {
    List<Place> within = places.stream().filter(p -> p.authority().equals(authority)).toList();
    return within.get(random.nextInt(within.size()));
  }

  /** The share of places in each authority, in the order of the table. */
  java.util.LinkedHashMap<String, Double> authorityShares() {
    java.util.LinkedHashMap<String, Double> shares = new java.util.LinkedHashMap<>();
    for (Place place : places) {
      shares.merge(place.authority(), 1.0 / places.size(), Double::sum);
    }
    return shares;
  }

  String street(SplittableRandom random) {
    return streets.get(random.nextInt(streets.size()));
  }

  private static double[] unbox(List<Double> weights) {
    double[] out = new double[weights.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = weights.get(i);
    }
    return out;
  }

  /** The rows of a bundled table: comment lines (#) and the header skipped; no quoting used. */
  private static List<String[]> rows(String resource) {
    try (InputStream in =
            Objects.requireNonNull(
                NameTables.class.getResourceAsStream(resource), resource + " is missing");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      boolean header = true;
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        rows.add(line.split(","));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

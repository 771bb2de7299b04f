package org.familyview.generator;

import java.util.EnumMap;
import java.util.Map;
import org.familyview.extracts.PartnerId;

/**
 * How often each kind of error happens in one agency's records, per record. The defaults follow
 * what data-quality audits of English partner data describe: police records are keyed at speed from
 * what people say (more typos, nicknames, missing dates, duplicates); health records are anchored
 * on the NHS number and the Personal Demographics Service (few errors); council and school records
 * sit between.
 */
record ErrorProfile(PartnerId agency, Map<ErrorKind, Double> rates) {

  ErrorProfile {
    rates = Map.copyOf(rates);
  }

  double rate(ErrorKind kind) {
    return rates.getOrDefault(kind, 0.0);
  }

  static ErrorProfile defaults(PartnerId agency) {
    // Columns: police, health, council, education.
    Map<ErrorKind, Double> rates = new EnumMap<>(ErrorKind.class);
    put(rates, agency, ErrorKind.TYPO, 0.04, 0.01, 0.03, 0.02);
    put(rates, agency, ErrorKind.DAY_MONTH_SWAP, 0.02, 0.005, 0.02, 0.01);
    put(rates, agency, ErrorKind.NAME_SWAP, 0.02, 0.003, 0.01, 0.005);
    put(rates, agency, ErrorKind.MISSING, 0.08, 0.01, 0.05, 0.03);
    put(rates, agency, ErrorKind.PLACEHOLDER, 0.01, 0.005, 0.01, 0.005);
    put(rates, agency, ErrorKind.DUPLICATE, 0.02, 0.01, 0.03, 0.01);
    put(rates, agency, ErrorKind.NICKNAME, 0.15, 0.02, 0.08, 0.05);
    put(rates, agency, ErrorKind.STALE_ADDRESS, 0.10, 0.08, 0.05, 0.05);
    put(rates, agency, ErrorKind.OLD_NAME, 0.30, 0.10, 0.20, 0.10);
    put(rates, agency, ErrorKind.IDENTIFIER_TYPO, 0.005, 0.002, 0.005, 0.003);
    put(rates, agency, ErrorKind.FORMAT, 0.20, 0.02, 0.10, 0.05);
    return new ErrorProfile(agency, rates);
  }

  /** Every rate multiplied by {@code factor}, capped at 1. */
  ErrorProfile scaled(double factor) {
    Map<ErrorKind, Double> scaled = new EnumMap<>(ErrorKind.class);
    rates.forEach((kind, rate) -> scaled.put(kind, Math.min(1.0, rate * factor)));
    return new ErrorProfile(agency, scaled);
  }

  ErrorProfile with(ErrorKind kind, double rate) {
    Map<ErrorKind, Double> changed = new EnumMap<>(ErrorKind.class);
    changed.putAll(rates);
    changed.put(kind, rate);
    return new ErrorProfile(agency, changed);
  }

  private static void put(
      Map<ErrorKind, Double> rates,
      PartnerId agency,
      ErrorKind kind,
      double police,
      double health,
      double council,
      double education) {
    rates.put(
        kind,
        switch (GeneratedPartners.kindOf(agency)) {
          case POLICE -> police;
          case HEALTH -> health;
          case COUNCIL -> council;
          case EDUCATION -> education;
          case HOUSING, OTHER ->
              throw new IllegalArgumentException("the generator writes no " + agency + " feed");
        });
  }
}

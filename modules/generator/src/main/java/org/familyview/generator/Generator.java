package org.familyview.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.SupportingFamiliesCriterion;

/**
 * Writes a synthetic world: for each agency {@code persons.csv} and {@code events.csv} in the
 * extract contract, and the truth beside them: {@code truth.csv} (which record is which person),
 * {@code families.csv} (who lived in which household, from when to when), {@code criteria.csv} (the
 * Supporting Families problems each family truly has), {@code invalid.csv} (the rows broken on
 * purpose, by line), {@code authorities.csv} (the authority each family lives in now) and {@code
 * border-moves.csv} (each move from one authority's area into the other's, dated). The truth files'
 * {@code agency} column names the partner whose file holds the record: with {@link
 * GeneratorOptions#byAuthority()} the second authority's families are held by {@code health-south},
 * {@code council-south} and {@code education-south}, the police by one force for both.
 *
 * <p>Deterministic: every family is built from its own random stream, derived from the seed and the
 * family's number, and written in order.
 */
final class Generator {

  /** What was written. */
  record Summary(
      long people,
      long families,
      Map<PartnerId, Long> personRows,
      Map<PartnerId, Long> eventRows,
      long invalidRows) {}

  private final GeneratorOptions options;

  Generator(GeneratorOptions options) {
    this.options = options;
  }

  Summary run() throws IOException {
    if (options.people() < 1 || options.people() > IdentifierIssuer.MAX_PEOPLE) {
      throw new IllegalArgumentException(
          "--people must be between 1 and " + IdentifierIssuer.MAX_PEOPLE);
    }
    Path out = Files.createDirectories(options.out());
    IdentifierIssuer issuer = new IdentifierIssuer();
    FamilyFactory families = new FamilyFactory(issuer, options.asOf());
    EventPlanner planner =
        new EventPlanner(
            issuer,
            options.asOf(),
            options.historyYears(),
            options.eventScale(),
            options.troubledRate());
    List<AgencyView> views = new ArrayList<>();
    long groups = 0;
    long households = 0;
    try (CsvOut truth = new CsvOut(out.resolve("truth.csv"));
        CsvOut membership = new CsvOut(out.resolve("families.csv"));
        CsvOut criteria = new CsvOut(out.resolve("criteria.csv"));
        CsvOut addresses = new CsvOut(out.resolve("addresses.csv"));
        CsvOut errors = new CsvOut(out.resolve("errors.csv"));
        CsvOut authorities = new CsvOut(out.resolve("authorities.csv"));
        CsvOut borderMoves = new CsvOut(out.resolve("border-moves.csv"));
        CsvOut invalid = new CsvOut(out.resolve("invalid.csv"))) {
      truth.fields("agency", "record_id", "person_id").endRow();
      membership.fields("family_id", "person_id", "role", "from", "to").endRow();
      criteria.fields("family_id", "criterion").endRow();
      addresses.fields("family_id", "address", "postcode", "from", "to").endRow();
      errors.fields("agency", "record_id", "error").endRow();
      authorities.fields("family_id", "authority").endRow();
      borderMoves.fields("family_id", "from_authority", "to_authority", "on").endRow();
      invalid.fields("agency", "file", "line", "kind").endRow();
      addAgencyViews(views, issuer, out, truth, invalid, errors);
      while (families.peopleCreated() < options.people()) {
        SplittableRandom r = new SplittableRandom(mix(options.seed(), groups++));
        long remaining = options.people() - families.peopleCreated();
        FamilyGroup group =
            remaining > FamilyFactory.LARGEST_FAMILY ? families.build(r) : families.buildSingle(r);
        List<PlannedEvent> events = planner.plan(group, r);
        for (AgencyView view : views) {
          view.write(group, events, r);
        }
        for (Household home : group.households) {
          households++;
          writeMembership(membership, home);
          writeAuthorities(authorities, borderMoves, home);
          writeAddresses(addresses, home);
          writeCriteria(criteria, home);
        }
      }
    } finally {
      for (AgencyView view : views) {
        view.close();
      }
    }
    return summary(families.peopleCreated(), households, views);
  }

  /** One view per v1 agency, each writing its own partner's files (or Southshire's partner's). */
  private void addAgencyViews(
      List<AgencyView> views,
      IdentifierIssuer issuer,
      Path out,
      CsvOut truth,
      CsvOut invalid,
      CsvOut errors)
      throws IOException {
    for (PartnerId agency : PartnerId.V1) {
      views.add(
          new AgencyView(
              agency,
              options.profiles().get(agency),
              issuer,
              options.asOf(),
              options.invalidRows(),
              out,
              options.byAuthority() ? GeneratedPartners.southOf(agency) : null,
              truth,
              invalid,
              errors));
    }
  }

  private static Summary summary(long people, long households, List<AgencyView> views) {
    Map<PartnerId, Long> personRows = new LinkedHashMap<>();
    Map<PartnerId, Long> eventRows = new LinkedHashMap<>();
    long invalidRows = 0;
    for (AgencyView view : views) {
      for (AgencyView.Feed feed : view.feeds()) {
        personRows.put(feed.id, feed.personRows);
        eventRows.put(feed.id, feed.eventRows);
        invalidRows += feed.invalidRows;
      }
    }
    return new Summary(people, households, personRows, eventRows, invalidRows);
  }

  private static void writeAddresses(CsvOut addresses, Household home) throws IOException {
    for (Residence residence : home.residences) {
      addresses
          .fields(
              home.familyId,
              residence.addressLine(),
              residence.postcode(),
              residence.from().toString(),
              residence.to() == null ? null : residence.to().toString())
          .endRow();
    }
  }

  private static void writeCriteria(CsvOut criteria, Household home) throws IOException {
    for (SupportingFamiliesCriterion problem : home.problems) {
      criteria.fields(home.familyId, problem.name().toLowerCase(java.util.Locale.ROOT));
      criteria.endRow();
    }
  }

  /**
   * Where the household lives now, and each move across the border: the truth the portal's access
   * rules are checked against (a family belongs to the authority of its latest address).
   */
  private static void writeAuthorities(CsvOut authorities, CsvOut moves, Household home)
      throws IOException {
    authorities.fields(home.familyId, home.residences.getLast().authority()).endRow();
    for (int i = 1; i < home.residences.size(); i++) {
      Residence before = home.residences.get(i - 1);
      Residence after = home.residences.get(i);
      if (!before.authority().equals(after.authority())) {
        moves
            .fields(home.familyId, before.authority(), after.authority(), after.from().toString())
            .endRow();
      }
    }
  }

  private static void writeMembership(CsvOut out, Household home) throws IOException {
    for (Household.Stay stay : home.stays) {
      out.fields(
              home.familyId,
              stay.member().personId,
              stay.role().name().toLowerCase(java.util.Locale.ROOT),
              stay.from().toString(),
              stay.to() == null ? null : stay.to().toString())
          .endRow();
    }
  }

  /** A well-spread seed for family {@code n} (the SplitMix64 finaliser). */
  static long mix(long seed, long n) {
    long z = seed * 0x9E3779B97F4A7C15L + n;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

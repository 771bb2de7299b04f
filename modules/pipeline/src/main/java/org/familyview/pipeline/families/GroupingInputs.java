package org.familyview.pipeline.families;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.familyview.families.AddressKey;
import org.familyview.families.FamilyRules;
import org.familyview.families.Resident;
import org.familyview.families.Sighting;
import org.familyview.families.StatedParent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The table family_grouping_input (V31): what the families step grouped each person from at its
 * last grouping of them, as digests (no personal data), so that the next night can tell whose
 * inputs changed ({@link AffectedPeople}).
 */
@Component
class GroupingInputs {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  GroupingInputs(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** What was stored of every person. */
  Map<String, AffectedPeople.Stored> stored() {
    Map<String, AffectedPeople.Stored> stored = new HashMap<>();
    jdbc.sql("select person_id, fingerprint, place_keys, families from family_grouping_input")
        .query(
            rs -> {
              stored.put(
                  rs.getString(1),
                  new AffectedPeople.Stored(
                      rs.getString(2), keys(rs.getArray(3)), rs.getString(4)));
            });
    return stored;
  }

  /** Replaces what is stored of the regrouped people (tonight's and gone ones). */
  void replace(
      UUID runId,
      Set<String> people,
      Map<String, AffectedPeople.Input> tonight,
      Map<String, Set<String>> familiesOf) {
    template.update(
        "delete from family_grouping_input where person_id = any(?)",
        (Object) people.toArray(String[]::new));
    List<Object[]> rows = new ArrayList<>();
    for (String person : people) {
      AffectedPeople.Input input = tonight.get(person);
      if (input != null) {
        rows.add(
            new Object[] {
              person,
              input.fingerprint(),
              input.placeKeys().toArray(Long[]::new),
              AffectedPeople.families(familiesOf.get(person)),
              runId
            });
      }
    }
    template.batchUpdate(
        "insert into family_grouping_input (person_id, fingerprint, place_keys, families, run_id)"
            + " values (?, ?, ?, ?, ?)",
        rows);
  }

  /** Tonight's inputs of every resident. */
  static Map<String, AffectedPeople.Input> tonight(
      List<Resident> residents,
      Map<String, List<StatedParent>> statedOf,
      LocalDate asOf,
      FamilyRules rules) {
    Map<String, AffectedPeople.Input> inputs = new HashMap<>();
    for (Resident resident : residents) {
      inputs.put(
          resident.personId(),
          new AffectedPeople.Input(
              fingerprint(
                  resident, statedOf.getOrDefault(resident.personId(), List.of()), asOf, rules),
              placeKeys(resident)));
    }
    return inputs;
  }

  /**
   * Everything grouping reads of one person: the date of birth, whether a child on the day (a
   * birthday can change a family with no new record), the spells, the stated parents and children.
   */
  static String fingerprint(
      Resident resident, List<StatedParent> stated, LocalDate asOf, FamilyRules rules) {
    StringBuilder text = new StringBuilder();
    LocalDate born = resident.dateOfBirth();
    text.append(born).append('|');
    if (born != null && !born.isAfter(asOf)) {
      text.append(Period.between(born, asOf).getYears() < rules.adultAge() ? "child" : "adult");
    }
    for (Sighting sighting : resident.sightings()) {
      text.append('|').append(sighting);
    }
    new TreeSet<>(stated.stream().map(StatedParent::toString).toList())
        .forEach(s -> text.append('|').append(s));
    return HexFormat.of().formatHex(md5(text.toString()));
  }

  /** The digests of the address keys and agency household keys the grouper gathers spells by. */
  static Set<Long> placeKeys(Resident resident) {
    Set<Long> keys = new TreeSet<>();
    for (Sighting sighting : resident.sightings()) {
      String address = AddressKey.of(sighting.address());
      if (address != null) {
        keys.add(digest("address " + address));
      }
      String household = sighting.householdId();
      if (household != null && !household.isBlank()) {
        keys.add(digest(sighting.agency() + " household " + household.strip()));
      }
    }
    return keys;
  }

  private static long digest(String text) {
    return ByteBuffer.wrap(md5(text)).getLong();
  }

  private static byte[] md5(String text) {
    try {
      return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  private static Set<Long> keys(Array array) throws SQLException {
    Set<Long> keys = new TreeSet<>();
    for (Object key : (Object[]) array.getArray()) {
      keys.add(((Number) key).longValue());
    }
    return keys;
  }
}

package org.familyview.casefile;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The name people use for a family: "the Hughes family, 14 Halcon Road". The surname is the one
 * most of its parents and carers carry on their current records (any member's if no carer has one);
 * the address is the first line of its current household's (the latest, if none is current). Ids
 * stay in provenance and URLs; pages show this name.
 */
@Component
public class FamilyNames {

  private final JdbcClient jdbc;

  public FamilyNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A name for each id asked for; an id the store does not know is named by its id. */
  public Map<String, String> of(Collection<String> familyIds) {
    Map<String, String> names = new LinkedHashMap<>();
    if (familyIds.isEmpty()) {
      return names;
    }
    Map<String, String[]> parts = new HashMap<>();
    jdbc.sql(
            """
            select f.id,
              (select sp.family_name
                 from family_member fm
                 join person_record pr on pr.person_id = fm.person_id
                 join source_person sp on sp.agency = upper(pr.agency) and sp.record_id = pr.record_id
                where fm.family_id = f.id and sp.current and sp.family_name is not null
                group by sp.family_name
                order by count(distinct fm.person_id) filter (where fm.role = 'PARENT_OR_CARER') desc,
                  count(distinct fm.person_id) desc, sp.family_name
                limit 1) as surname,
              (select h.address from household h
                where h.family_id = f.id and h.address is not null
                order by (h.to_date is null) desc, h.to_date desc, h.from_date desc nulls last
                limit 1) as address
            from family f where f.id = any(?)
            """)
        .param(familyIds.toArray(String[]::new))
        .query(
            rs -> {
              parts.put(
                  rs.getString("id"),
                  new String[] {rs.getString("surname"), rs.getString("address")});
            });
    for (String id : familyIds) {
      String[] p = parts.get(id);
      names.put(id, p == null ? "Family " + id : name(p[0], p[1], id));
    }
    return names;
  }

  public String of(String familyId) {
    return of(List.of(familyId)).get(familyId);
  }

  /** "the Hughes family, 14 Halcon Road"; "the Hughes family"; "Family F0000018". */
  static String name(@Nullable String surname, @Nullable String address, String id) {
    String line = firstLine(address);
    if (surname == null || surname.isBlank()) {
      return line == null ? "Family " + id : "The family at " + line;
    }
    String family = "The " + titleCase(surname.strip()) + " family";
    return line == null ? family : family + ", " + line;
  }

  /** "14 halcon road, leeds, ls6 1aa" → "14 Halcon Road": the part before the first comma. */
  static @Nullable String firstLine(@Nullable String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    String[] parts = address.strip().split(",");
    String first = parts[0].strip();
    // "Flat 5, 114 Church Lane": a flat alone does not say where the family lives.
    if (parts.length > 1
        && first.toLowerCase(java.util.Locale.ROOT).matches("(flat|apartment|unit|room) .*")) {
      first = first + ", " + parts[1].strip();
    }
    return first.isEmpty() ? null : titleCase(first);
  }

  /** Keeps a name as the agency wrote it unless it is all one case ("HUGHES", "halcon road"). */
  static String titleCase(String text) {
    if (!text.equals(text.toUpperCase(java.util.Locale.ROOT))
        && !text.equals(text.toLowerCase(java.util.Locale.ROOT))) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean start = true;
    for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : c);
      start = !Character.isLetterOrDigit(c) && c != '\'';
    }
    return out.toString();
  }
}

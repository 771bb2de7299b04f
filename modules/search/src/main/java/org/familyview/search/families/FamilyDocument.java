package org.familyview.search.families;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyview.identifiers.Postcode;
import org.familyview.search.index.AliasedIndex;
import org.familyview.search.query.NameKeys;

/**
 * What the families index holds about one family: the names, postcodes and agencies of its current
 * members, enough to find the family and tell two apart, and nothing of its chronology.
 *
 * @param memberNames every name its members are known by, as written
 * @param familyNames its members' family names, to rank a family by its surname
 * @param postcodes the postcodes its members live at, as written; invalid ones are left out
 */
public record FamilyDocument(
    String familyId,
    Set<String> memberIds,
    List<String> memberNames,
    Set<String> familyNames,
    Set<String> postcodes,
    Set<String> agencies) {

  public FamilyDocument {
    // Ordered copies: Set.copyOf iterates in an order that changes from one start of the
    // application to the next, which would change the document (and its fingerprint) with it.
    memberIds = ordered(memberIds);
    memberNames = List.copyOf(memberNames);
    familyNames = ordered(familyNames);
    postcodes = ordered(postcodes);
    agencies = ordered(agencies);
  }

  private static Set<String> ordered(Set<String> values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  /** A digest of the document as the families index receives it. */
  public long fingerprint() {
    return document().fingerprint();
  }

  AliasedIndex.Document document() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("family_id", familyId);
    source.put("member_ids", memberIds.stream().sorted().toList());
    source.put("member_count", memberIds.size());
    source.put("names", NameKeys.fold(String.join(" ", memberNames)));
    Set<String> keys = new LinkedHashSet<>();
    memberNames.forEach(n -> keys.addAll(NameKeys.phonetic(n)));
    source.put("name_keys", List.copyOf(keys));
    Set<String> surnames = new LinkedHashSet<>();
    familyNames.forEach(n -> surnames.addAll(NameKeys.tokens(n)));
    source.put("family_names", List.copyOf(surnames));
    Set<String> units = new LinkedHashSet<>();
    Set<String> districts = new LinkedHashSet<>();
    for (String postcode : postcodes) {
      Postcode.parse(postcode)
          .ifPresent(
              p -> {
                units.add(p.unit());
                districts.add(p.district());
              });
    }
    source.put("postcodes", List.copyOf(units));
    source.put("districts", List.copyOf(districts));
    source.put("agencies", agencies.stream().sorted().toList());
    return new AliasedIndex.Document(familyId, source);
  }
}

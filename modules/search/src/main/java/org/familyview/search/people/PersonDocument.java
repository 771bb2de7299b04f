package org.familyview.search.people;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.familyview.identifiers.Postcode;
import org.familyview.search.query.NameKeys;
import org.jspecify.annotations.Nullable;

/**
 * What the people index holds about one linked person: enough to find them and to tell two results
 * apart, and nothing of their chronology.
 *
 * @param names every name the person is known by (given, middle, family, aliases), as written
 * @param familyNames family names only, to rank an exact surname above a fuzzy forename
 * @param identifiers valid NHS numbers, UPNs and PNC ids in their normal form
 */
public record PersonDocument(
    String personId,
    String displayName,
    List<String> names,
    List<String> familyNames,
    @Nullable LocalDate dateOfBirth,
    @Nullable String postcode,
    Set<String> identifiers,
    @Nullable String familyId,
    Set<String> agencies) {

  public PersonDocument {
    names = List.copyOf(names);
    familyNames = List.copyOf(familyNames);
    identifiers = Set.copyOf(identifiers);
    agencies = Set.copyOf(agencies);
  }

  Map<String, Object> source() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("person_id", personId);
    source.put("display_name", displayName);
    source.put("names", NameKeys.fold(String.join(" ", names)));
    Set<String> keys = new LinkedHashSet<>();
    names.forEach(n -> keys.addAll(NameKeys.phonetic(n)));
    source.put("name_keys", List.copyOf(keys));
    source.put(
        "family_names", familyNames.stream().flatMap(n -> NameKeys.tokens(n).stream()).toList());
    if (dateOfBirth != null) {
      source.put("date_of_birth", dateOfBirth.toString());
    }
    Optional<Postcode> parsed = postcode == null ? Optional.empty() : Postcode.parse(postcode);
    parsed.ifPresent(
        p -> {
          source.put("postcode", p.unit());
          source.put("district", p.district());
        });
    // Sorted: a set's order may differ from one start of the application to the next, and the
    // incremental path compares documents by their fingerprint.
    source.put("identifiers", identifiers.stream().sorted().toList());
    if (familyId != null) {
      source.put("family_id", familyId);
    }
    source.put("agencies", agencies.stream().sorted().toList());
    return source;
  }

  /** A digest of the document as the people index receives it. */
  public long fingerprint() {
    return PeopleIndex.document(this).fingerprint();
  }
}

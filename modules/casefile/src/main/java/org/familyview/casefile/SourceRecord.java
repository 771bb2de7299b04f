package org.familyview.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One agency's record of a person, as linked into that person, with its provenance. */
public record SourceRecord(
    String agency,
    String recordId,
    @Nullable String givenName,
    @Nullable String middleNames,
    @Nullable String familyName,
    List<String> aliases,
    @Nullable LocalDate dateOfBirth,
    @Nullable String sex,
    @Nullable String address,
    @Nullable String postcode,
    @Nullable String nhsNumber,
    @Nullable String upn,
    @Nullable String pncId,
    boolean current,
    UUID extractId,
    String file,
    Instant loadedAt,
    Link link) {

  public SourceRecord {
    aliases = List.copyOf(aliases);
  }

  public String name() {
    StringBuilder name = new StringBuilder();
    for (String part : new String[] {givenName, familyName}) {
      if (part != null && !part.isBlank()) {
        name.append(name.isEmpty() ? "" : " ").append(part.strip());
      }
    }
    return name.isEmpty() ? "(no name recorded)" : name.toString();
  }
}

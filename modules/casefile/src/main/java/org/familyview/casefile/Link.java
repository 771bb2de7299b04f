package org.familyview.casefile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Why a source record belongs to its person: the first record of a person ({@code SOLE}), a shared
 * identifier, a probabilistic match with its probability, or a steward's manual decision.
 */
public record Link(
    String type,
    @Nullable String linkedToAgency,
    @Nullable String linkedToRecordId,
    @Nullable Double matchProbability,
    @Nullable Double matchWeight,
    @Nullable String reason,
    @Nullable String modelVersion,
    Instant linkedAt) {

  /** One line for a reader: "probabilistic match (p = 0.97) to health/H123". */
  public String describe() {
    String how =
        switch (type) {
          case "SOLE" -> "first record of this person";
          case "IDENTIFIER" -> "shared identifier" + (reason == null ? "" : " (" + reason + ")");
          case "PROBABILISTIC" ->
              "probabilistic match"
                  + (matchProbability == null
                      ? ""
                      : String.format(java.util.Locale.ROOT, " (p = %.3f)", matchProbability));
          case "MANUAL" -> "linked by a data steward" + (reason == null ? "" : ": " + reason);
          default -> type.toLowerCase(java.util.Locale.ROOT);
        };
    return linkedToAgency == null || linkedToRecordId == null
        ? how
        : how + " to " + Agencies.code(linkedToAgency) + "/" + linkedToRecordId;
  }
}

package org.familyview.access.caseload;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param breakGlassPurposes the purposes a user may give for access outside their caseload
 * @param breakGlassDuration how long such access lasts before it must be asked for again
 */
@Validated
@ConfigurationProperties("familyview.caseload")
public record CaseloadProperties(
    @NotEmpty List<String> breakGlassPurposes, @NotNull Duration breakGlassDuration) {

  /** Break-glass is only for a purpose the authority has listed, spelled exactly. */
  public boolean allowsPurpose(String purpose) {
    return breakGlassPurposes.contains(purpose);
  }
}

package org.familyview.access;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param sharingAgreements the folder of data-sharing agreements, one YAML file per feed
 */
@Validated
@ConfigurationProperties("familyview.access")
public record AccessProperties(@NotNull Path sharingAgreements) {}

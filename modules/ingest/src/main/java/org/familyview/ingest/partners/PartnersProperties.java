package org.familyview.ingest.partners;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the partners are configured.
 *
 * @param folder the folder of partner files, one {@code *.yaml} per partner ({@code
 *     config/partners}); when not set, version 1's four agencies are the partners
 */
@Validated
@ConfigurationProperties("familyview.partners")
public record PartnersProperties(@Nullable Path folder) {}

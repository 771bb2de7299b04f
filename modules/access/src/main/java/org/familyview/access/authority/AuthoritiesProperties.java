package org.familyview.access.authority;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param folder the folder of authorities, one YAML file each; unset, or a folder that does not
 *     exist, means one authority covering every postcode (a single-authority deployment, as before
 *     authorities were configurable)
 * @param unplaced the authority that holds families with no usable postcode in any household (none
 *     known, {@code ZZ99}, or outside every authority); unset, the first authority by id
 */
@Validated
@ConfigurationProperties("familyview.authorities")
public record AuthoritiesProperties(@Nullable Path folder, @Nullable String unplaced) {}

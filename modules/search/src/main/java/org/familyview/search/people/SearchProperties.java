package org.familyview.search.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param indexPrefix the prefix of every FamilyView index and alias; the Elasticsearch user's role
 *     grants rights on exactly these names
 */
@Validated
@ConfigurationProperties("familyview.search")
public record SearchProperties(
    @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]*") String indexPrefix) {}

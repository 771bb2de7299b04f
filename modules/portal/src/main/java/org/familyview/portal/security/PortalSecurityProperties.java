package org.familyview.portal.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicUrl where users reach the portal; Keycloak sends them back here after logout
 */
@Validated
@ConfigurationProperties("familyview.portal")
public record PortalSecurityProperties(@NotBlank String publicUrl) {}

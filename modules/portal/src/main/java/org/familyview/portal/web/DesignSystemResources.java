package org.familyview.portal.web;

import java.util.Objects;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * GOV.UK Frontend's precompiled stylesheet refers to its fonts and images at {@code /assets/};
 * serve them from the WebJar there so the portal needs nothing from the internet. Pages use the
 * version-less {@code /webjars/govuk-frontend/...} paths, so upgrading is a change to the pom only.
 */
@Configuration(proxyBeanMethods = false)
class DesignSystemResources implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    String version =
        Objects.requireNonNull(
            new WebJarVersionLocator().version("govuk-frontend"),
            "the govuk-frontend WebJar is missing from the classpath");
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations(
            "classpath:/META-INF/resources/webjars/govuk-frontend/"
                + version
                + "/dist/govuk/assets/");
  }
}

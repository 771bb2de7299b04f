package org.familyview.pipeline.config;

import org.familyview.matching.MatchingConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link MatchingConfig} of the application, mapped from {@code familyview.matching.*}: the
 * pipeline's matching and clustering stages and the review workbench's explanations all use this
 * bean, so a threshold changed in configuration changes all three together. Consumers inject the
 * library's plain type and need not see {@link MatchingProperties}: the workbench (review) depends
 * on the matching library, not on the pipeline.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
public class MatchingConfiguration {

  @Bean
  MatchingConfig matchingConfig(MatchingProperties properties) {
    return properties.toConfig();
  }
}

package org.familyview.ingest.partners;

import org.familyview.extracts.Partners;
import org.familyview.extracts.PartnersInvalid;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configured partners, read once at start-up. An invalid configuration ({@link
 * PartnersInvalid}, with every problem, file and field) stops the application before it serves.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnersProperties.class)
class PartnersConfiguration {

  @Bean
  Partners partners(PartnersProperties properties) {
    return properties.folder() == null ? Partners.v1() : Partners.load(properties.folder());
  }
}

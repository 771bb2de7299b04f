package org.familyview.audit.trail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The chain's key and anchoring settings, with their defaults, wherever the trail is used. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:familyview-audit-chain.properties")
@EnableConfigurationProperties(AuditChainProperties.class)
public class AuditChainConfiguration {

  /** Without a key the application does not start: an unkeyed chain can be rewritten. */
  @Bean
  ChainKey auditChainKey(AuditChainProperties properties) {
    return ChainKey.of(properties.key());
  }
}

package org.familyview.access.authority;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthorityConfiguration {

  /** Read and checked at start: a mistake in any file stops the application with the whole list. */
  @Bean
  Authorities authorities(AuthoritiesProperties properties) {
    return Authorities.load(properties.folder(), properties.unplaced());
  }
}

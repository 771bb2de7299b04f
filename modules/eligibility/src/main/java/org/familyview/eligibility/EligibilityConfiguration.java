package org.familyview.eligibility;

import org.familyview.criteria.Rulesets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The rulesets from configuration, and this module's defaults that follow the FV_* environment. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:org/familyview/eligibility/eligibility-defaults.properties")
class EligibilityConfiguration {

  @Bean
  CriteriaRulesets criteriaRulesets(CriteriaProperties properties) {
    return new CriteriaRulesets(Rulesets.load(properties.rulesets()));
  }
}

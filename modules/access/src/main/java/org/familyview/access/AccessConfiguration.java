package org.familyview.access;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

  @Bean
  Map<String, SharingAgreement> sharingAgreements(AccessProperties properties) {
    return SharingAgreements.load(properties.sharingAgreements());
  }

  @Bean
  EventDisclosure eventDisclosure(
      Map<String, SharingAgreement> sharingAgreements, ObjectProvider<PartnerContacts> contacts) {
    return new EventDisclosure(
        sharingAgreements, contacts.getIfAvailable(() -> PartnerContacts.NONE));
  }
}

package org.familyview.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "org.familyview")
@ConfigurationPropertiesScan("org.familyview")
public class FamilyViewApplication {

  public static void main(String[] args) {
    SpringApplication.run(FamilyViewApplication.class, args);
  }
}

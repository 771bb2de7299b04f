package org.familyview.families;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

  private final JavaClasses families =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.familyview.families");

  @Test
  void familyGroupingDependsOnNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("org.familyview.families..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "jakarta.persistence..", "co.elastic..", "org.elasticsearch..")
        .check(families);
  }

  @Test
  void familiesAreKeptApartFromPersonIdentity() {
    // The grouping reads people as the matcher made them and never links or unlinks records.
    noClasses()
        .that()
        .resideInAPackage("org.familyview.families..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.familyview.matching..")
        .check(families);
  }
}

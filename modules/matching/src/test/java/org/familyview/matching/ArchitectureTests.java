package org.familyview.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

  private final JavaClasses matching =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.familyview.matching");

  @Test
  void theMatcherDependsOnNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("org.familyview.matching..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "jakarta.persistence..", "co.elastic..", "org.elasticsearch..")
        .check(matching);
  }

  @Test
  void theEngineDoesNotDependOnTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("org.familyview.matching..")
        .and()
        .resideOutsideOfPackage("org.familyview.matching.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.familyview.matching.cli..")
        .check(matching);
  }
}

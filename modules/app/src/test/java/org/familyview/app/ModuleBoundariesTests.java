package org.familyview.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: app → portal → store; nothing depends on the app. */
class ModuleBoundariesTests {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.familyview");

  @Test
  void nothingDependsOnTheApplication() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.familyview.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.familyview.app..")
        .check(classes);
  }

  @Test
  void theStoreDoesNotKnowTheWeb() {
    noClasses()
        .that()
        .resideInAPackage("org.familyview.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.familyview.portal..", "org.springframework.web..")
        .check(classes);
  }
}

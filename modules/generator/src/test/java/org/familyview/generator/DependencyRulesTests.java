package org.familyview.generator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The generator writes through the contract's public API and knows nothing of its internals. */
class DependencyRulesTests {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.familyview.generator");

  @Test
  void generatorDependsOnTheJdkAndOurContractOnly() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "org.jspecify..",
            "org.familyview.identifiers..",
            "org.familyview.extracts..",
            "org.familyview.generator..")
        .check(classes);
  }
}

package org.familyview.extracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The contract is plain Java: the Spring Batch load and the web edge build on it, never the other
 * way round, and Commons CSV stays behind the reader.
 */
class DependencyRulesTests {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.familyview.extracts");

  @Test
  void extractsDependOnTheJdkCommonsCsvJacksonAndIdentifiersOnly() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "org.jspecify..",
            "org.apache.commons.csv..",
            "tools.jackson..",
            "org.familyview.identifiers..",
            "org.familyview.extracts..")
        .check(classes);
  }

  @Test
  void onlyTheReaderInternalsTouchCommonsCsv() {
    classes()
        .that()
        .arePublic()
        .and()
        .doNotHaveSimpleName("Vocabulary")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage("org.apache.commons.csv..")
        .check(classes);
  }
}

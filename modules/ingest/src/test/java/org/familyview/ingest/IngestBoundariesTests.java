package org.familyview.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The load knows nothing of HTTP: failures become ProblemDetail only at the web edge (api, web),
 * and the load, the inbox and the extract records never depend on the API or the pages.
 */
class IngestBoundariesTests {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.familyview.ingest");

  @Test
  void onlyTheWebEdgeSpeaksHttp() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.familyview.ingest.load..",
            "org.familyview.ingest.extract..",
            "org.familyview.ingest.guard..",
            "org.familyview.ingest.inbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.http..", "org.springframework.web..")
        .check(classes);
  }

  @Test
  void theLoadDoesNotDependOnTheApiOrThePages() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.familyview.ingest.load..",
            "org.familyview.ingest.extract..",
            "org.familyview.ingest.guard..",
            "org.familyview.ingest.inbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.familyview.ingest.api..", "org.familyview.ingest.web..")
        .check(classes);
  }
}

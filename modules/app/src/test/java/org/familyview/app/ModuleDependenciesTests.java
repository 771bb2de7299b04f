package org.familyview.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module table of docs/architecture.md, as code: which of our modules each module's main code
 * may use, and which modules are plain Java libraries that may use no framework. A class that
 * crosses the table fails the build with the offending dependency named. The app's test classpath
 * holds every module (those the application does not assemble are test dependencies of app), so
 * this one test sees them all. A new module is one row here and one in the docs.
 */
class ModuleDependenciesTests {

  /** Module (its root package under org.familyview) → the modules it may use. */
  static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

  /** Modules that are plain Java libraries: no Spring, no JPA, no Elasticsearch client. */
  static final Set<String> PLAIN_JAVA =
      Set.of("identifiers", "matching", "extracts", "generator", "families", "criteria");

  static {
    MAY_USE.put("identifiers", Set.of());
    MAY_USE.put("matching", Set.of("identifiers"));
    MAY_USE.put("extracts", Set.of("identifiers"));
    MAY_USE.put("generator", Set.of("extracts", "identifiers"));
    MAY_USE.put("families", Set.of("identifiers"));
    MAY_USE.put("criteria", Set.of("extracts"));
    MAY_USE.put("store", Set.of());
    MAY_USE.put("audit", Set.of());
    MAY_USE.put("search", Set.of("identifiers"));
    MAY_USE.put("portal", Set.of("audit"));
    MAY_USE.put("access", Set.of("portal", "audit"));
    MAY_USE.put("ingest", Set.of("extracts", "store", "audit", "portal"));
    MAY_USE.put("linkage", Set.of("matching"));
    MAY_USE.put(
        "pipeline",
        Set.of(
            "linkage",
            "matching",
            "families",
            "identifiers",
            "store",
            "search",
            "audit",
            "portal"));
    MAY_USE.put("review", Set.of("linkage", "matching", "audit", "portal"));
    MAY_USE.put(
        "eligibility", Set.of("criteria", "extracts", "pipeline", "audit", "portal", "access"));
    MAY_USE.put("casefile", Set.of("extracts", "search", "audit", "portal", "access", "linkage"));
    MAY_USE.put("rights", Set.of("search", "audit", "portal", "access", "linkage"));
    MAY_USE.put(
        "frontdoor", Set.of("casefile", "extracts", "pipeline", "audit", "portal", "access"));
    MAY_USE.put("testsupport", Set.of());
    MAY_USE.put(
        "alerts",
        Set.of("extracts", "pipeline", "casefile", "audit", "portal", "access", "frontdoor"));
    // A module the application does not assemble is on app's test classpath for this test.
    MAY_USE.put("linktool", Set.of("matching", "extracts", "generator", "identifiers"));
    MAY_USE.put("app", Set.copyOf(MAY_USE.keySet())); // the assembly may use every module
  }

  private static final Set<String> FRAMEWORKS =
      Set.of("org.springframework", "jakarta.persistence", "co.elastic", "org.elasticsearch");

  private final JavaClasses main =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.familyview");

  @Test
  void everyModuleUsesOnlyWhatTheTableAllows() {
    classes().should(useOnlyModulesTheTableAllows()).check(main);
  }

  @Test
  void everyClassBelongsToAModuleOfTheTableAndEveryModuleIsChecked() {
    Set<String> found =
        main.stream()
            .map(c -> moduleOf(c.getPackageName()).orElse("?" + c.getPackageName()))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(found).containsExactlyInAnyOrderElementsOf(MAY_USE.keySet());
  }

  /**
   * The table in docs/architecture.md says the same as this one: a module's row there names exactly
   * the modules its row here allows, so neither can change without the other.
   */
  @Test
  void theTableInTheArchitectureDocsSaysTheSame() throws IOException {
    Path docs = Path.of(System.getProperty("user.dir"), "..", "..", "docs", "architecture.md");
    Map<String, Set<String>> documented = new TreeMap<>();
    for (String line : Files.readAllLines(docs)) {
      // | `module` | what it owns | what it may use |
      String[] cells = line.split("\\|", -1);
      Matcher name = MODULE_NAME.matcher(cells.length == 5 ? cells[1].strip() : "");
      if (name.matches()) { // a planned module's row names more than the module: not yet checked
        documented.put(name.group(1).replace("-", ""), mayUse(cells[3]));
      }
    }
    Map<String, Set<String>> encoded = new TreeMap<>(MAY_USE);
    encoded.remove("app"); // documented as "every module"
    documented.keySet().retainAll(MAY_USE.keySet()); // e2e is tests only, not main code
    documented.remove("app");
    assertThat(documented).isEqualTo(encoded);
  }

  private static final Pattern MODULE_NAME = Pattern.compile("`([a-z-]+)`");

  private static Set<String> mayUse(String cell) {
    String text = cell.strip();
    if (text.equals("—")) {
      return Set.of();
    }
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Optional<String> moduleOf(String packageName) {
    if (!packageName.startsWith("org.familyview.")) {
      return Optional.empty();
    }
    String root = packageName.substring("org.familyview.".length()).split("\\.")[0];
    return MAY_USE.containsKey(root) ? Optional.of(root) : Optional.empty();
  }

  private static ArchCondition<JavaClass> useOnlyModulesTheTableAllows() {
    return new ArchCondition<>("use only the modules the table in docs/architecture.md allows") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String from = moduleOf(item.getPackageName()).orElseThrow();
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          if (!allowed(from, target)) {
            events.add(
                SimpleConditionEvent.violated(
                    dependency,
                    from
                        + " may not use "
                        + describe(target)
                        + ": "
                        + dependency.getDescription()));
          }
        }
      }
    };
  }

  private static boolean allowed(String from, String targetPackage) {
    if (PLAIN_JAVA.contains(from)
        && FRAMEWORKS.stream().anyMatch(f -> targetPackage.startsWith(f + "."))) {
      return false;
    }
    if (!targetPackage.startsWith("org.familyview.")) {
      return true;
    }
    return moduleOf(targetPackage)
        .map(to -> to.equals(from) || MAY_USE.get(from).contains(to))
        .orElse(false);
  }

  private static String describe(String targetPackage) {
    return moduleOf(targetPackage).map(m -> "module " + m).orElse(targetPackage);
  }
}

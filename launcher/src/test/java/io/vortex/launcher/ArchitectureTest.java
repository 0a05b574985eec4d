package io.vortex.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md §2 and STYLE.md, checked on the compiled classes of every module on
 * the launcher's classpath (main code only), in the style of Flink's ArchUnit rules.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vortex");
  }

  @Test
  void when_allModulesImported_then_everyLayerIsPresent() {
    // The rules below pass vacuously if a module is missing from the classpath.
    for (String pkg : new String[] {
        "io.vortex.api", "io.vortex.cluster", "io.vortex.state", "io.vortex.jobmanager",
        "io.vortex.taskmanager", "io.vortex.launcher", "io.vortex.examples"}) {
      assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)), pkg + " not imported");
    }
  }

  @Test
  void when_apiChecked_then_itDependsOnNothingOfOurs() {
    noClasses()
        .that().resideInAPackage("io.vortex.api..")
        .should().dependOnClassesThat(resideInAPackage("io.vortex..").and(not(resideInAPackage("io.vortex.api.."))))
        .because("the api module depends on nothing of ours (DESIGN.md §2)")
        .check(classes);
  }

  @Test
  void when_verticlesChecked_then_theyNeverDependOnEachOther() {
    noClasses()
        .that().resideInAPackage("io.vortex.jobmanager..")
        .should().dependOnClassesThat().resideInAPackage("io.vortex.taskmanager..")
        .because("the verticles build on api, clustering and state, never on each other")
        .check(classes);
    noClasses()
        .that().resideInAPackage("io.vortex.taskmanager..")
        .should().dependOnClassesThat().resideInAPackage("io.vortex.jobmanager..")
        .because("the verticles build on api, clustering and state, never on each other")
        .check(classes);
  }

  @Test
  void when_hazelcastUsed_then_onlyFromStateAndClustering() {
    noClasses()
        .that(not(resideInAnyPackage("io.vortex.state..", "io.vortex.cluster..")))
        .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
        .because("an IMap appears only in state-hazelcast, membership only in clustering")
        .check(classes);
  }

  @Test
  void when_vertxInternalsChecked_then_usedNowhere() {
    noClasses()
        .should().dependOnClassesThat().resideInAPackage("io.vertx.core.internal..")
        .because("io.vertx.core.internal has no compatibility promise")
        .check(classes);
  }

  @Test
  void when_examplesChecked_then_theyUseOnlyTheApiOfOurs() {
    noClasses()
        .that().resideInAPackage("io.vortex.examples..")
        .should().dependOnClassesThat(
            resideInAPackage("io.vortex..")
                .and(not(resideInAnyPackage("io.vortex.api..", "io.vortex.examples.."))))
        .because("examples are written against the user API only")
        .check(classes);
  }
}

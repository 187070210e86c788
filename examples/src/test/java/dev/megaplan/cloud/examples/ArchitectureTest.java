package dev.megaplan.cloud.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every line of code knows its room (ARCHITECTURE.md): values never reach into the implementation,
 * core never names a concrete provider, and code outside the SDK — these examples stand for an
 * embedder's code — never reaches into {@code internal} packages.
 */
class ArchitectureTest {
  private static JavaClasses sdk;
  private static JavaClasses examples;

  @BeforeAll
  static void importClasses() {
    sdk =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.megaplan.cloud");
    examples =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.megaplan.cloud.examples");
  }

  @Test
  void apiDependsOnNoImplementationModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.megaplan.cloud.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.megaplan.cloud.core..",
            "dev.megaplan.cloud.providers..",
            "dev.megaplan.cloud.testkit..",
            "dev.megaplan.cloud.cli..")
        .check(sdk);
  }

  @Test
  void coreNamesNoConcreteProvider() {
    noClasses()
        .that()
        .resideInAPackage("dev.megaplan.cloud.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.megaplan.cloud.providers..",
            "dev.megaplan.cloud.testkit..",
            "dev.megaplan.cloud.cli..")
        .check(sdk);
  }

  @Test
  void providersHoldNoCommandLineCode() {
    noClasses()
        .that()
        .resideInAPackage("dev.megaplan.cloud.providers..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.megaplan.cloud.cli..", "dev.megaplan.cloud.testkit..")
        .check(sdk);
  }

  @Test
  void embeddersNeverReachIntoInternalPackages() {
    noClasses()
        .that()
        .resideInAPackage("dev.megaplan.cloud.examples..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.megaplan.cloud..internal..")
        .allowEmptyShould(true)
        .check(examples);
  }
}

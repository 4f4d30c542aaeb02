package org.neurite.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** How core's packages may depend on each other, checked on the compiled classes. */
class PackageDependenciesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.neurite.core");

    @Test
    void theModelFileFormatDoesNotDependOnTheModel() {
        noClasses().that().resideInAPackage("org.neurite.core.io..")
                .should().dependOnClassesThat().resideInAPackage("org.neurite.core.model..")
                .because("io reads and writes model files through SavedModel; model uses io, not the reverse")
                .check(CORE);
    }

    @Test
    void theEnginesPackagesFormNoCycles() {
        // spi's Optimizer.start defaults to the engine's OptimizerRun, CallbackType.start
        // returns the training loop's TrainingListener, and DataFormat.read returns the data
        // package's Dataset (a value type): three known edges back from the SPI.
        slices().matching("org.neurite.core.(*)..")
                .should().beFreeOfCycles()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.describe("spi",
                                c -> c.getPackageName().equals("org.neurite.core.spi")),
                        com.tngtech.archunit.base.DescribedPredicate.describe("optimizer, train or data",
                                c -> c.getPackageName().equals("org.neurite.core.optimizer")
                                        || c.getPackageName().equals("org.neurite.core.train")
                                        || c.getPackageName().equals("org.neurite.core.data")))
                .check(CORE);
    }
}

package org.calibra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The shape docs/ARCHITECTURE.md describes, checked on every build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.calibra");
    }

    @Test
    void feature_modules_have_no_cycles() {
        slices().matching("org.calibra.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void scoring_domain_is_plain_java() {
        noClasses().that().resideInAPackage("org.calibra.scoring.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta.persistence..")
                .check(classes);
    }

    /** The DICOM codec and de-identifier are plain Java used by the app and the command line alike (ADR 0012). */
    @Test
    void the_dicom_codec_depends_on_no_other_module_nor_on_spring_or_vaadin() {
        noClasses().that().resideInAPackage("org.calibra.dicom..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta.persistence..")
                .check(classes);
        classes().that().resideInAPackage("org.calibra.dicom..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.calibra.casebank..", "org.calibra.synthetic..",
                        "org.calibra.reading..", "org.calibra.scoring..", "org.calibra.curriculum..", "org.calibra.shared..")
                .check(classes);
    }

    @Test
    void views_never_touch_entities_or_repositories() {
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class).check(classes);
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class).check(classes);
    }

    @Test
    void entities_and_repositories_of_a_module_are_used_only_inside_that_module() {
        for (String module : new String[] {"casebank", "curriculum", "reading", "scoring", "certification"}) {
            noClasses().that().resideOutsideOfPackage("org.calibra." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.calibra." + module + ".internal..")
                    .check(classes);
        }
    }

    /** Ground truth reaches only scoring (after submission) and feedback; never the reading views. */
    @Test
    void only_scoring_reads_ground_truth() {
        methods().that().areDeclaredIn(org.calibra.casebank.CaseService.class).and().haveName("truth")
                .should().onlyBeCalled().byClassesThat().resideInAnyPackage("org.calibra.scoring..", "org.calibra.casebank..")
                .check(classes);
        noClasses().that().resideInAPackage("org.calibra.reading..")
                .should().dependOnClassesThat().haveSimpleName("CaseTruth").check(classes);
        // which cases are abnormal, only to stratify draws: the reading service, never a view
        methods().that().areDeclaredIn(org.calibra.casebank.CaseService.class).and().haveName("strata")
                .should().onlyBeCalled().byClassesThat().haveFullyQualifiedName("org.calibra.reading.ReadingService")
                .check(classes);
    }

    @Test
    void the_reading_view_receives_no_truth_carrying_type() {
        classes().that().resideInAPackage("org.calibra.reading.ui..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.calibra.scoring..", "org.calibra.competency..", "org.calibra.certification..")
                .check(classes);
    }
}

package org.calibra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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

    /** The statistics and the competency rules that decide certificates are plain Java, testable and reusable offline. */
    @Test
    void scoring_and_competency_domains_are_plain_java() {
        noClasses().that().resideInAnyPackage("org.calibra.scoring.domain..", "org.calibra.competency.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta.persistence..")
                .check(classes);
    }

    /** AI results read from SEG and SR are plain Java on the codec, for the authoring pages and the command line alike (ADR 0019). */
    @Test
    void ai_objects_are_plain_java_on_the_codec() {
        noClasses().that().resideInAPackage("org.calibra.casebank.aiobjects..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta.persistence..")
                .check(classes);
        classes().that().resideInAPackage("org.calibra.casebank.aiobjects..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.calibra.casebank.internal..", "org.calibra.casebank.ui..",
                        "org.calibra.casebank.imports..", "org.calibra.casebank.storage..", "org.calibra.casebank.web..")
                .check(classes);
    }

    /** Lesion geometry is plain Java that depends on nothing of Calibra: the case bank and scoring must agree on every number. */
    @Test
    void shared_geometry_is_plain_java() {
        classes().that().resideInAPackage("org.calibra.shared.geometry..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.calibra.shared.geometry..")
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

    /** Every module's {@code internal} package (entities, repositories, loaders) — whichever modules have one. */
    @Test
    void the_internals_of_a_module_are_used_only_inside_that_module() {
        var modules = modulesWithSubPackage("internal");
        assertThat(modules).contains("casebank", "curriculum", "reading", "scoring", "certification", "institution");
        for (String module : modules) {
            noClasses().that().resideOutsideOfPackage("org.calibra." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.calibra." + module + ".internal..")
                    .check(classes);
        }
    }

    /** Views are the outermost layer: no service, record or listener depends on one (a page's wording never changes a credential). */
    @Test
    void nothing_outside_a_ui_package_depends_on_a_ui_package() {
        noClasses().that().resideOutsideOfPackage("..ui..").should().dependOnClassesThat().resideInAPackage("org.calibra..ui..")
                .check(classes);
    }

    /** A module's views are its own; what several modules show (the viewer) lives in a shared component package. */
    @Test
    void no_module_uses_another_modules_views() {
        for (String module : modulesWithSubPackage("ui")) {
            noClasses().that().resideOutsideOfPackage("org.calibra." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.calibra." + module + ".ui..")
                    .check(classes);
        }
        noClasses().that().resideInAPackage("org.calibra.viewer..").should().dependOnClassesThat()
                .resideInAnyPackage(FEATURE_MODULES.stream().map(m -> "org.calibra." + m + "..").toArray(String[]::new))
                .because("the shared viewer takes plain records, so any module's page can use it without a cycle").check(classes);
    }

    /**
     * Sub-packages another module may use: a module's root package is its API; these sub-packages are published on
     * purpose (docs/ARCHITECTURE.md, "Published sub-packages"). Anything else below a module is its own business.
     */
    static final java.util.Map<String, java.util.Set<String>> PUBLISHED = java.util.Map.of(
            "casebank", java.util.Set.of("dicom", "storage", "content", "aiobjects"),
            "curriculum", java.util.Set.of("content"),
            // the reading and feedback pages' parts: the educator's preview shows exactly what a trainee sees (issue 13)
            "reading", java.util.Set.of("parts"),
            // irt: the item-response fits behind the case calibration; mrmc: the MRMC statistics behind the AI-effect study (issue 17)
            "scoring", java.util.Set.of("domain", "irt", "mrmc"),
            "competency", java.util.Set.of("domain", "parts"),
            "dicom", java.util.Set.of("deid"),
            "shared", java.util.Set.of("content", "web", "geometry"));

    @Test
    void modules_use_each_other_only_through_their_root_package_or_a_published_sub_package() {
        classes().that().resideInAPackage("org.calibra..").should(new ArchCondition<JavaClass>("use other modules only through their API") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = moduleOf(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    if (!target.startsWith("org.calibra.") || d.getTargetClass().isArray() || from.isEmpty()) {
                        continue;
                    }
                    String to = moduleOf(target);
                    String rest = target.substring(("org.calibra." + to).length());
                    if (to.equals(from) || rest.isEmpty()) {
                        continue;
                    }
                    String sub = rest.substring(1).split("\\.")[0];
                    if (!PUBLISHED.getOrDefault(to, java.util.Set.of()).contains(sub)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription() + " (org.calibra." + to + "." + sub + " is not published)"));
                    }
                }
            }
        }).check(classes);
    }

    /**
     * Event handlers act on the event's data, never on the ambient signed-in user, so the chain from a read to a
     * certificate works the same off the request thread or in a batch job. Checked through the calls the handler
     * makes into Calibra's own code, transitively (calls through an interface are not followed).
     */
    @Test
    void event_handlers_never_read_the_signed_in_user() {
        methods().that().areAnnotatedWith(org.springframework.context.event.EventListener.class)
                .should(new ArchCondition<JavaMethod>("not reach CurrentUser") {
                    @Override
                    public void check(JavaMethod handler, ConditionEvents events) {
                        var seen = new java.util.HashSet<JavaCodeUnit>();
                        var todo = new java.util.ArrayDeque<java.util.List<JavaCodeUnit>>();
                        todo.add(java.util.List.of(handler));
                        while (!todo.isEmpty()) {
                            var path = todo.poll();
                            var unit = path.getLast();
                            if (!seen.add(unit)) {
                                continue;
                            }
                            for (var call : unit.getCallsFromSelf()) {
                                var owner = call.getTargetOwner();
                                if (owner.isEquivalentTo(org.calibra.security.CurrentUser.class)
                                        || owner.isEquivalentTo(org.springframework.security.core.context.SecurityContextHolder.class)) {
                                    events.add(SimpleConditionEvent.violated(handler, handler.getFullName() + " reads the signed-in user via "
                                            + path.stream().map(JavaCodeUnit::getName).toList() + " -> " + call.getDescription()));
                                    continue;
                                }
                                if (owner.getPackageName().startsWith("org.calibra.")) {
                                    call.getTarget().resolveMember().ifPresent(target -> {
                                        var next = new java.util.ArrayList<>(path);
                                        next.add(target);
                                        todo.add(next);
                                    });
                                }
                            }
                        }
                    }
                }).check(classes);
    }

    /** The unchecked records of attempts are for the stages after a read, never for a page. */
    @Test
    void views_never_use_the_unchecked_attempt_records() {
        noClasses().that().areAssignableTo(Component.class).should().dependOnClassesThat()
                .areAssignableTo(org.calibra.reading.AttemptRecords.class).check(classes);
    }

    static final java.util.List<String> FEATURE_MODULES = java.util.List.of("audit", "authoring", "casebank", "certification", "competency", "content",
            "curriculum", "dicomweb", "institution", "reading", "scoring", "security", "synthetic", "shell");

    private static String moduleOf(String packageName) {
        if (!packageName.startsWith("org.calibra.")) {
            return ""; // the application class itself
        }
        String rest = packageName.substring("org.calibra.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static java.util.SortedSet<String> modulesWithSubPackage(String sub) {
        var modules = new java.util.TreeSet<String>();
        for (JavaClass c : classes) {
            String p = c.getPackageName();
            if (p.startsWith("org.calibra.") && p.substring("org.calibra.".length()).matches("[a-z]+\\." + sub + "(\\..*)?")) {
                modules.add(moduleOf(p));
            }
        }
        return modules;
    }

    /** Ground truth reaches only scoring (after submission) and feedback; never the reading views. */
    @Test
    void only_scoring_reads_ground_truth() {
        methods().that().areDeclaredIn(org.calibra.casebank.CaseService.class).and().haveName("truth")
                .should().onlyBeCalled().byClassesThat().resideInAnyPackage("org.calibra.scoring..", "org.calibra.casebank..")
                .check(classes);
        noClasses().that().resideInAPackage("org.calibra.reading..")
                .should().dependOnClassesThat().haveSimpleName("CaseTruth").check(classes);
        // nor its nested types, nor the AI's labelled errors in either form (ADR 0023): naming the AI's mistake gives the answer away
        noClasses().that().resideInAPackage("org.calibra.reading..")
                .should().dependOnClassesThat().haveNameMatching("org\\.calibra\\.casebank\\.CaseTruth\\$.*")
                .orShould().dependOnClassesThat().belongToAnyOf(org.calibra.casebank.content.CaseManifest.AiError.class)
                .check(classes);
        methods().that().areDeclaredIn(org.calibra.casebank.ManifestCases.class).and().haveName("aiErrors")
                .should().onlyBeCalled().byClassesThat().resideInAPackage("org.calibra.casebank..").check(classes);
        // a version's whole manifest (truth included) and a case's history: staff pages through the authoring module only
        methods().that().areDeclaredIn(org.calibra.casebank.CaseService.class).and().haveName("content")
                .should().onlyBeCalled().byClassesThat().resideInAnyPackage("org.calibra.authoring..", "org.calibra.casebank..")
                .check(classes);
        noClasses().that().resideInAPackage("org.calibra.reading..")
                .should().dependOnClassesThat().resideInAPackage("org.calibra.authoring..").check(classes);
        // which cases are abnormal, only to stratify draws: the reading service, never a view
        methods().that().areDeclaredIn(org.calibra.casebank.CaseService.class).and().haveName("strata")
                .should().onlyBeCalled().byClassesThat().haveFullyQualifiedName("org.calibra.reading.AttemptDraws")
                .check(classes);
    }

    @Test
    void the_reading_view_receives_no_truth_carrying_type() {
        // the reading page's parts too: the preview reuses them, and they must stay as blind as the resident's page
        classes().that().resideInAnyPackage("org.calibra.reading.ui..", "org.calibra.reading.parts..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.calibra.scoring..", "org.calibra.competency..", "org.calibra.certification..")
                .check(classes);
    }

    /**
     * Only the codec reads or writes Part 10 bytes (issue 12 §1, ADR 0017): one reader, one writer, one dictionary. What
     * a byte walker or writer cannot do without is forbidden outside {@code org.calibra.dicom..}: the "DICM" marker, the
     * item and delimiter tags (see {@link Part10Constants}), raw inflating (deflated transfer syntax; zip archives are
     * read with ZipInputStream, which is allowed), and ByteOrder.LITTLE_ENDIAN (DICOM's byte order: decoding its binary
     * values is the codec's job, {@code Element#longs}). The names of the removed duplicates stay removed. It cannot see a
     * walker that compares single bytes ('D', 'I', 'C', 'M'), shifts bytes by hand and never walks a sequence, nor test
     * code, scripts or the browser's viewer (Cornerstone parses DICOM too, by design, ADR 0003).
     */
    @Test
    void only_the_dicom_codec_reads_or_writes_part_10_bytes() {
        String codec = "org.calibra.dicom..";
        classes().that().resideOutsideOfPackage(codec).should(new Part10Constants()).check(classes);
        noClasses().that().resideOutsideOfPackage(codec)
                .should().dependOnClassesThat().belongToAnyOf(java.util.zip.Inflater.class, java.util.zip.InflaterInputStream.class,
                        java.util.zip.DataFormatException.class)
                .check(classes);
        noClasses().that().resideOutsideOfPackage(codec)
                .should().accessField(java.nio.ByteOrder.class, "LITTLE_ENDIAN")
                .check(classes);
        noClasses().should().haveSimpleName("DicomHeaderReader").orShould().haveSimpleName("DicomWriter")
                .orShould().haveSimpleName("DicomDataset").orShould().haveSimpleName("DicomDictionary").orShould().haveSimpleName("DicomAttribute")
                .check(classes);
    }
}

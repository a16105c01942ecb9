package org.calibra.scoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.CaseTruth;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.AttemptOversight;
import org.calibra.reading.SubmittedRead;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocLesion;
import org.calibra.scoring.domain.roc.Psi;
import org.calibra.scoring.internal.ReadScoreEntity;
import org.calibra.scoring.internal.ReadScoreRepository;
import org.calibra.scoring.jafroc.JafrocCsv;
import org.calibra.scoring.jafroc.ReaderStudy;
import org.calibra.scoring.jafroc.ReaderStudy.ReaderModality;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A module's reads as a JAFROC/RJafroc reader study (docs/jafroc-format.md), for educators to analyse in RJafroc
 * or with {@code ./calibra fom}. Readers are residents under a pseudonym (R + account number) and, as a reader of
 * its own, the AI. Modalities are how the AI was offered: second-reader modules give two, {@code unaided} (the
 * committed first reads) and {@code with-ai} (the final reads) — the classic paired AI reader study.
 *
 * <p>JAFROC needs a fully crossed design: every reader reads the same cases in every modality. Residents stop once
 * they pass, so the study holds the cases all included residents read (in every modality, same case versions).
 * Residents are taken most-cases-first; one who read fewer than the module's minimum, or whose reads would bring
 * the shared cases below that minimum, is left out and listed in README.txt with the reason.
 */
@Service
@Transactional(readOnly = true)
public class ReaderStudyExport {

    public static final String AI_READER = "AI";

    private final AttemptOversight oversight;
    private final CurriculumService curricula;
    private final CaseService cases;
    private final ReadScoreRepository scores;

    private final org.calibra.security.CurrentUser currentUser;

    ReaderStudyExport(AttemptOversight oversight, CurriculumService curricula, CaseService cases, ReadScoreRepository scores,
                      org.calibra.security.CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.oversight = oversight;
        this.curricula = curricula;
        this.cases = cases;
        this.scores = scores;
    }

    /** The study, and the README lines saying who was left out and why. */
    public record Export(ReaderStudy study, List<String> readme) {}

    /** @throws ExportException when no resident has read the whole module yet */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Export export(long moduleId) {
        if (!curricula.oversees(currentUser.require(), moduleId)) {
            // an educator of another institution: refused as such (403), not told whether the module exists
            throw new org.springframework.security.access.AccessDeniedException("Module " + moduleId + " is not one of your institution's");
        }
        ModuleInfo module = curricula.module(moduleId).orElseThrow(() -> new ExportException("Module " + moduleId + " does not exist."));
        List<String> modalities = module.readingMode() == ReadingMode.SECOND_READER ? List.of("unaided", "with-ai")
                : List.of(module.readingMode().code());
        var readme = new ArrayList<String>();
        readme.add("Calibra reader study export: module '" + module.slug() + "' (" + module.title() + ") of '" + module.curriculumTitle() + "'.");
        readme.add("Format: JAFROC/RJafroc TRUTH, NL and LL tables (docs/jafroc-format.md). Readers are pseudonymous (R + account number);");
        readme.add("reader AI is the simulated AI's marks, rated by probability. Modalities: " + String.join(", ", modalities) + ".");
        readme.add("Reads of cases whose truth the reader had already seen (repeats, ADR 0015) are left out.");
        readme.add("Case ids are <case>-v<version>; lesion ids number each case's lesions 1, 2, ... in the order of their ids in case.yaml.");

        Map<String, Map<String, Map<String, SubmittedRead>>> byReader = new LinkedHashMap<>(); // reader -> modality -> caseId -> read
        for (var attempt : oversight.latestAttemptsOfModule(moduleId)) {
            var cells = new LinkedHashMap<String, Map<String, SubmittedRead>>();
            for (SubmittedRead r : attempt.reads()) {
                String modality = modalities.size() == 2 ? (r.phase() == ReadPhase.INITIAL ? "unaided" : "with-ai") : modalities.getFirst();
                if (modalities.size() == 1 && r.phase() != ReadPhase.FINAL || !r.counted()) {
                    continue; // repeats (the reader had seen the truth before) would bias the study (ADR 0015)
                }
                cells.computeIfAbsent(modality, m -> new LinkedHashMap<>()).put(caseId(r.caseVersionId()), r);
            }
            byReader.put("R" + attempt.userId(), cells);
        }
        int minimum = module.minimumCases();
        Map<String, Set<String>> casesOfReader = new LinkedHashMap<>();
        byReader.forEach((reader, cells) -> {
            Set<String> all = null;
            for (String modality : modalities) {
                var read = cells.getOrDefault(modality, Map.<String, SubmittedRead>of()).keySet();
                all = all == null ? new LinkedHashSet<>(read) : intersect(all, read);
            }
            casesOfReader.put(reader, all);
        });
        var included = new ArrayList<String>();
        Set<String> caseIds = null;
        var mostFirst = casesOfReader.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey)).toList();
        for (var e : mostFirst) {
            String both = modalities.size() == 2 ? " in both modalities" : "";
            if (e.getValue().size() < minimum) {
                readme.add("Left out: reader " + e.getKey() + " (read " + e.getValue().size() + " of " + module.caseSlugs().size()
                        + " cases" + both + "; the module's minimum is " + minimum + ").");
                continue;
            }
            Set<String> shared = caseIds == null ? e.getValue() : intersect(caseIds, e.getValue());
            if (shared.size() < minimum) {
                readme.add("Left out: reader " + e.getKey() + " (shares only " + shared.size() + " cases" + both
                        + " with the readers already included; the module's minimum is " + minimum + ").");
                continue;
            }
            included.add(e.getKey());
            caseIds = shared;
        }
        if (included.isEmpty()) {
            throw new ExportException("No resident has read the module's minimum of " + minimum + " cases of '" + module.title() + "' yet"
                    + (modalities.size() == 2 ? " (both the first read and the final read)" : "") + ", so there is no reader study to export.");
        }
        List<String> orderedCases = caseIds.stream().sorted().toList();
        Map<String, CaseTruth> truths = new HashMap<>();
        orderedCases.forEach(id -> truths.put(id, cases.truth(versionOf(id)).orElseThrow()));
        Map<Long, ReadScoreEntity> scoreByRead = new HashMap<>();
        var readIds = included.stream().flatMap(r -> byReader.get(r).values().stream()).flatMap(m -> m.values().stream())
                .map(SubmittedRead::readId).toList();
        scores.findByReadIdIn(readIds).forEach(s -> scoreByRead.put(s.getReadId(), s));

        Map<ReaderModality, FrocDataset> datasets = new LinkedHashMap<>();
        for (String reader : included) {
            for (String modality : modalities) {
                var reads = byReader.get(reader).get(modality);
                datasets.put(new ReaderModality(reader, modality), FrocDataset.of(orderedCases.stream()
                        .map(id -> traineeCase(id, reads.get(id), truths.get(id), scoreByRead.get(reads.get(id).readId()))).toList()));
            }
        }
        // the AI read every case the same way, whatever the modality: one identical dataset per modality keeps the design crossed
        String firstReader = included.getFirst();
        var aiCases = orderedCases.stream().map(id -> aiCase(id, truths.get(id),
                scoreByRead.get(byReader.get(firstReader).get(modalities.getLast()).get(id).readId()))).toList();
        for (String modality : modalities) {
            datasets.put(new ReaderModality(AI_READER, modality), FrocDataset.of(aiCases));
        }
        readme.add("Included: " + included.size() + " resident reader(s) and the AI, " + orderedCases.size() + " cases.");
        return new Export(ReaderStudy.of(datasets), readme);
    }

    /** The export as a zip of truth.csv, nl.csv, ll.csv and README.txt. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public byte[] zip(long moduleId) {
        Export export = export(moduleId);
        try {
            Path dir = Files.createTempDirectory("calibra-jafroc");
            try {
                JafrocCsv.write(export.study(), dir);
                var bytes = new ByteArrayOutputStream();
                try (var zip = new ZipOutputStream(bytes)) {
                    for (String name : List.of("truth.csv", "nl.csv", "ll.csv")) {
                        zip.putNextEntry(new ZipEntry(name));
                        zip.write(Files.readAllBytes(dir.resolve(name)));
                        zip.closeEntry();
                    }
                    zip.putNextEntry(new ZipEntry("README.txt"));
                    zip.write((String.join("\n", export.readme()) + "\n").getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                return bytes.toByteArray();
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Thrown when there is nothing that can be exported; the message is for the educator. */
    public static class ExportException extends RuntimeException {
        public ExportException(String message) {
            super(message);
        }
    }

    private String caseId(long versionId) {
        var kase = cases.forReading(versionId).orElseThrow();
        return kase.slug() + "-v" + kase.version() + "#" + versionId;
    }

    private static String slugOf(String caseId) {
        return caseId.substring(0, caseId.lastIndexOf("-v"));
    }

    private static long versionOf(String caseId) {
        return Long.parseLong(caseId.substring(caseId.indexOf('#') + 1));
    }

    private static String csvId(String caseId) {
        return caseId.substring(0, caseId.indexOf('#'));
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        var result = new LinkedHashSet<>(a);
        result.retainAll(b);
        return result;
    }

    /** Lesion ids as JAFROC wants them: 1, 2, ... in the order of the truth's own ids. */
    private static Map<String, String> lesionNumbers(CaseTruth truth) {
        var numbers = new HashMap<String, String>();
        var ids = truth.lesions().stream().map(CaseTruth.Lesion::id).sorted().toList();
        for (int i = 0; i < ids.size(); i++) {
            numbers.put(ids.get(i), Integer.toString(i + 1));
        }
        return numbers;
    }

    /** RJafroc's layout: NL ratings = confidences of false-positive marks; LL rating = the counting mark's confidence. */
    private static FrocCase traineeCase(String caseId, SubmittedRead r, CaseTruth truth, ReadScoreEntity score) {
        Map<String, Integer> confidence = new HashMap<>();
        r.marks().forEach(m -> confidence.put(m.key(), m.confidence()));
        return frocCase(caseId, truth, score, "read", key -> (double) confidence.get(key));
    }

    /** The AI as a reader: its marks rated by probability, scored by the same matching as the residents'. */
    private FrocCase aiCase(String caseId, CaseTruth truth, ReadScoreEntity score) {
        Map<String, Double> probability = new HashMap<>();
        cases.forReading(truth.versionId()).orElseThrow().ai().marks().forEach(m -> probability.put(m.id(), m.probability()));
        return frocCase(caseId, truth, score, "ai", probability::get);
    }

    private static FrocCase frocCase(String caseId, CaseTruth truth, ReadScoreEntity score, String source,
            java.util.function.Function<String, Double> rating) {
        var items = score.getItems().stream().filter(i -> i.getSource().equals(source)).toList();
        List<Double> nl = items.stream().filter(i -> i.getOutcome().equals("false-positive")).map(i -> rating.apply(i.getItemKey())).toList();
        Map<String, Double> lesionRating = new HashMap<>();
        items.stream().filter(i -> i.getOutcome().equals("hit")).forEach(i -> lesionRating.put(i.getLesionKey(), rating.apply(i.getItemKey())));
        var numbers = lesionNumbers(truth);
        List<FrocLesion> lesions = truth.lesions().stream().sorted(Comparator.comparing(CaseTruth.Lesion::id))
                .map(l -> new FrocLesion(numbers.get(l.id()), l.weight(), lesionRating.getOrDefault(l.id(), Psi.UNMARKED))).toList();
        return new FrocCase(csvId(caseId), truth.abnormal(), nl, lesions);
    }
}

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
import org.calibra.scoring.jafroc.CaseMapping;
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

    /** The study, the mapping of its integer case ids to case versions, and the README lines saying who was left out and why. */
    public record Export(ReaderStudy study, CaseMapping cases, List<String> readme) {}

    /**
     * Whether a module has anything to export, and the counts behind it, from the same selection of readers and cases
     * as {@link #export(long)} — so the Reader studies page offers the download exactly when it would succeed.
     *
     * @param exportable        at least one resident can be included: the download would succeed
     * @param residentsStarted  residents with an attempt at the module (their latest one is what the export looks at)
     * @param residentsFinished residents whose latest attempt has the module's minimum of cases read (in every modality)
     * @param residentsIncluded of those, the ones the fully crossed study includes
     * @param cases             cases of the study (shared by every included resident); 0 when not exportable
     * @param minimumCases      the module's minimum
     * @param inWords           the state for the educator, with these counts, in plain words
     */
    public record Availability(boolean exportable, int residentsStarted, int residentsFinished, int residentsIncluded, int cases,
                               int minimumCases, String inWords) {}

    /** What the Reader studies page shows for a module: whether there is anything to export, and why not. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Availability availability(long moduleId) {
        return select(moduleId).availability();
    }

    /** @throws ExportException when no resident has read enough of the module yet, with {@link Availability#inWords()} as its message */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Export export(long moduleId) {
        Selection selection = select(moduleId);
        Availability availability = selection.availability();
        if (!availability.exportable()) {
            throw new ExportException(availability.inWords());
        }
        ModuleInfo module = selection.module();
        List<String> modalities = selection.modalities();
        var byReader = selection.byReader();
        var included = selection.included();
        var readme = new ArrayList<String>();
        readme.add("Calibra reader study export: module '" + module.slug() + "' (" + module.title() + ") of '" + module.curriculumTitle() + "'.");
        readme.add("Format: JAFROC/RJafroc TRUTH, NL and LL tables (docs/jafroc-format.md). Readers are pseudonymous (R + account number);");
        readme.add("reader AI is the simulated AI's marks, rated by probability. Modalities: " + String.join(", ", modalities) + ".");
        readme.add("Reads of cases whose truth the reader had already seen (repeats, ADR 0015) are left out.");
        readme.add("Case ids are integers 1, 2, ..., n (RJafroc needs integer case ids). " + CaseMapping.FILE
                + " maps each to the case it stands for: CaseID, Case (the case's id in Calibra), Version (the case version read),");
        readme.add("Truth (normal or abnormal) and Lesions (how many). Lesion ids number each case's lesions 1, 2, ... in the order of their ids"
                + " in case.yaml.");
        readme.addAll(selection.leftOut());
        selection.withoutMarks().forEach(r -> readme.add("Not in nl.csv or ll.csv: " + r + " made no mark on the study's cases"
                + " (JAFROC tables know a reader only through their marks; RJafroc has the same limitation)."));

        Map<CaseKey, CaseTruth> truths = new HashMap<>();
        selection.caseKeys().forEach(k -> truths.put(k, cases.truth(k.versionId()).orElseThrow()));
        CaseMapping mapping = CaseMapping.number(selection.caseKeys().stream()
                .map(k -> new CaseMapping.Case(k.slug(), k.version(), truths.get(k).abnormal(), truths.get(k).lesions().size())).toList());
        List<CaseKey> orderedCases = selection.caseKeys().stream()
                .sorted(Comparator.comparingInt((CaseKey k) -> mapping.idOf(k.slug(), k.version()))).toList();
        java.util.function.Function<CaseKey, String> csvId = k -> Integer.toString(mapping.idOf(k.slug(), k.version()));

        Map<Long, ReadScoreEntity> scoreByRead = new HashMap<>();
        var readIds = included.stream().flatMap(r -> byReader.get(r).values().stream()).flatMap(m -> m.values().stream())
                .map(SubmittedRead::readId).toList();
        scores.findByReadIdIn(readIds).forEach(s -> scoreByRead.put(s.getReadId(), s));

        Map<ReaderModality, FrocDataset> datasets = new LinkedHashMap<>();
        for (String reader : included) {
            for (String modality : modalities) {
                var reads = byReader.get(reader).get(modality);
                datasets.put(new ReaderModality(reader, modality), FrocDataset.of(orderedCases.stream()
                        .map(k -> traineeCase(csvId.apply(k), reads.get(k), truths.get(k), scoreByRead.get(reads.get(k).readId()))).toList()));
            }
        }
        // the AI read every case the same way, whatever the modality: one identical dataset per modality keeps the design crossed
        String firstReader = included.getFirst();
        var aiCases = orderedCases.stream().map(k -> aiCase(csvId.apply(k), truths.get(k),
                scoreByRead.get(byReader.get(firstReader).get(modalities.getLast()).get(k).readId()))).toList();
        for (String modality : modalities) {
            datasets.put(new ReaderModality(AI_READER, modality), FrocDataset.of(aiCases));
        }
        readme.add("Included: " + included.size() + " resident reader(s) and the AI, " + orderedCases.size() + " cases.");
        return new Export(ReaderStudy.of(datasets), mapping, readme);
    }

    /** A case version as read: its slug and version (for cases.csv) and the stored version's id. */
    private record CaseKey(String slug, int version, long versionId) {}

    /**
     * Who and which cases a study of the module would hold. JAFROC needs a fully crossed design, so readers are taken
     * most-cases-first, each kept only when they read the module's minimum and still share that many cases with the
     * readers already kept.
     */
    private record Selection(ModuleInfo module, List<String> modalities, Map<String, Map<String, Map<CaseKey, SubmittedRead>>> byReader,
                             int residentsStarted, int residentsFinished, int mostRead, List<String> included, Set<CaseKey> caseKeys,
                             List<String> leftOut, List<String> withoutMarks) {

        Availability availability() {
            int minimum = module.minimumCases();
            String both = modalities.size() == 2 ? " (both the first read and the final read)" : "";
            if (!included.isEmpty() && withoutMarks.size() == included.size() + 1) {
                return new Availability(false, residentsStarted, residentsFinished, included.size(), caseKeys.size(), minimum,
                        "Nothing to export yet: no reader, not even the AI, made a mark on the " + caseKeys.size() + " cases the "
                                + included.size() + (included.size() == 1 ? " resident" : " residents") + " who read the module's minimum of "
                                + minimum + " cases share; JAFROC tables know readers only through their marks, so there is no study to write.");
            }
            if (included.isEmpty()) {
                String started = residentsStarted == 0 ? "No resident has started this module yet."
                        : residentsStarted + (residentsStarted == 1 ? " resident has" : " residents have") + " started it; none has read "
                        + minimum + " cases yet (the most read so far in a latest attempt: " + mostRead + ").";
                return new Availability(false, residentsStarted, residentsFinished, 0, 0, minimum,
                        "Nothing to export yet: no resident has read the module's minimum of " + minimum + " cases of '" + module.title()
                                + "' in their latest attempt" + both + ", so there is no reader study to export. " + started);
            }
            String left = residentsFinished > included.size() ? " " + (residentsFinished - included.size())
                    + " who read the minimum share too few cases with them and are left out (README.txt says who)." : "";
            return new Availability(true, residentsStarted, residentsFinished, included.size(), caseKeys.size(), minimum,
                    "Ready to export: " + residentsFinished + " of the " + residentsStarted + (residentsStarted == 1 ? " resident" : " residents")
                            + " who started read the module's minimum of " + minimum + " cases" + both + "; the study holds "
                            + included.size() + (included.size() == 1 ? " resident" : " residents") + " and the AI over "
                            + caseKeys.size() + " shared cases." + left + (withoutMarks.isEmpty() ? ""
                            : " " + String.join(" and ", withoutMarks) + " made no mark on them and will not appear in nl.csv or ll.csv."));
        }
    }

    private Selection select(long moduleId) {
        if (!curricula.oversees(currentUser.require(), moduleId)) {
            // an educator of another institution: refused as such (403), not told whether the module exists
            throw new org.springframework.security.access.AccessDeniedException("Module " + moduleId + " is not one of your institution's");
        }
        ModuleInfo module = curricula.module(moduleId).orElseThrow(() -> new ExportException("Module " + moduleId + " does not exist."));
        List<String> modalities = module.readingMode() == ReadingMode.SECOND_READER ? List.of("unaided", "with-ai")
                : List.of(module.readingMode().code());
        Map<Long, CaseKey> keys = new HashMap<>();
        Map<Long, Integer> aiMarks = new HashMap<>();
        Map<Long, Boolean> froc = new HashMap<>(); // whether FROC analysis can take the case: an abnormal case needs a lesion
        var leftOut = new ArrayList<String>();
        Map<String, Map<String, Map<CaseKey, SubmittedRead>>> byReader = new LinkedHashMap<>(); // reader -> modality -> case -> read
        for (var attempt : oversight.latestAttemptsOfModule(moduleId)) {
            var cells = new LinkedHashMap<String, Map<CaseKey, SubmittedRead>>();
            for (SubmittedRead r : attempt.reads()) {
                String modality = modalities.size() == 2 ? (r.phase() == ReadPhase.INITIAL ? "unaided" : "with-ai") : modalities.getFirst();
                if (modalities.size() == 1 && r.phase() != ReadPhase.FINAL || !r.counted()) {
                    continue; // repeats (the reader had seen the truth before) would bias the study (ADR 0015)
                }
                if (!froc.computeIfAbsent(r.caseVersionId(), v -> frocCapable(v, leftOut))) {
                    continue;
                }
                cells.computeIfAbsent(modality, m -> new LinkedHashMap<>()).put(keys.computeIfAbsent(r.caseVersionId(), v -> caseKey(v, aiMarks)), r);
            }
            byReader.put("R" + attempt.userId(), cells);
        }
        // at least one case, whatever the minimum: a study of no cases cannot be written
        int minimum = Math.max(1, module.minimumCases());
        Map<String, Set<CaseKey>> casesOfReader = new LinkedHashMap<>();
        byReader.forEach((reader, cells) -> {
            Set<CaseKey> all = null;
            for (String modality : modalities) {
                var read = cells.getOrDefault(modality, Map.<CaseKey, SubmittedRead>of()).keySet();
                all = all == null ? new LinkedHashSet<>(read) : intersect(all, read);
            }
            casesOfReader.put(reader, all);
        });
        var included = new ArrayList<String>();
        Set<CaseKey> caseKeys = Set.of();
        var mostFirst = casesOfReader.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Set<CaseKey>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey)).toList();
        int finished = 0;
        for (var e : mostFirst) {
            String both = modalities.size() == 2 ? " in both modalities" : "";
            if (e.getValue().size() < minimum) {
                leftOut.add("Left out: reader " + e.getKey() + " (read " + e.getValue().size() + " of " + module.caseSlugs().size()
                        + " cases" + both + "; the module's minimum is " + module.minimumCases() + ").");
                continue;
            }
            finished++;
            Set<CaseKey> shared = included.isEmpty() ? e.getValue() : intersect(caseKeys, e.getValue());
            if (shared.size() < minimum) {
                leftOut.add("Left out: reader " + e.getKey() + " (shares only " + shared.size() + " cases" + both
                        + " with the readers already included; the module's minimum is " + module.minimumCases() + ").");
                continue;
            }
            included.add(e.getKey());
            caseKeys = shared;
        }
        int mostRead = mostFirst.isEmpty() ? 0 : mostFirst.getFirst().getValue().size();
        // a reader appears in nl.csv and ll.csv only through their marks: one without any on the shared cases is invisible there
        var withoutMarks = new ArrayList<String>();
        for (String reader : included) {
            Set<CaseKey> shared = caseKeys;
            boolean marked = byReader.get(reader).values().stream().flatMap(m -> m.entrySet().stream())
                    .anyMatch(e -> shared.contains(e.getKey()) && !e.getValue().marks().isEmpty());
            if (!marked) {
                withoutMarks.add("reader " + reader);
            }
        }
        if (!included.isEmpty() && caseKeys.stream().noneMatch(k -> aiMarks.getOrDefault(k.versionId(), 0) > 0)) {
            withoutMarks.add("the AI");
        }
        return new Selection(module, modalities, byReader, byReader.size(), finished, mostRead, included, caseKeys, leftOut, withoutMarks);
    }

    /** The export as a zip of truth.csv, nl.csv, ll.csv, cases.csv and README.txt. */
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
                    zip.putNextEntry(new ZipEntry(CaseMapping.FILE));
                    zip.write(export.cases().toCsv().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
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

    /** Whether FROC analysis can take the case version; if not (abnormal without an outlined lesion), says so for README.txt. */
    private boolean frocCapable(long versionId, List<String> leftOut) {
        var truth = cases.truth(versionId).orElseThrow();
        if (truth.abnormal() && truth.lesions().isEmpty()) {
            var kase = cases.forReading(versionId).orElseThrow();
            leftOut.add("Left out: case " + kase.slug() + " version " + kase.version() + " (abnormal without an outlined lesion;"
                    + " FROC analysis needs at least one lesion on an abnormal case).");
            return false;
        }
        return true;
    }

    /** The case version's key; notes how many marks the AI made on it. */
    private CaseKey caseKey(long versionId, Map<Long, Integer> aiMarks) {
        var kase = cases.forReading(versionId).orElseThrow();
        aiMarks.put(versionId, kase.ai() == null ? 0 : kase.ai().marks().size());
        return new CaseKey(kase.slug(), kase.version(), versionId);
    }

    private static <T> Set<T> intersect(Set<T> a, Set<T> b) {
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
        return new FrocCase(caseId, truth.abnormal(), nl, lesions);
    }
}

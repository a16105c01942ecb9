package org.calibra.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.calibra.curriculum.content.CurriculumManifest;
import org.calibra.curriculum.content.CurriculumManifest.Module;

/**
 * What changed between two versions of a curriculum, in the words an education lead reads in the audit trail and the
 * version history ("Module 'CT volumes': thresholds sensitivity ≥ 60% → sensitivity ≥ 80%"). Modules are matched by id.
 */
public final class CurriculumChanges {

    private CurriculumChanges() {
    }

    /** @param before the previous version's manifest, or null when there is none (or it was not kept) */
    public static List<String> between(CurriculumManifest before, CurriculumManifest after) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            changes.add("First version: " + after.modules().size() + " module(s)");
            return changes;
        }
        field(changes, "Title", before.title(), after.title());
        field(changes, "Description", before.description(), after.description());
        field(changes, "Certificate title", before.certificate().title(), after.certificate().title());
        field(changes, "Certificate validity (months)", before.certificate().validityMonths(), after.certificate().validityMonths());
        field(changes, "Competencies", before.certificate().competencies(), after.certificate().competencies());
        field(changes, "CPD/CME credit hours", orNone(before.certificate().creditHours()), orNone(after.certificate().creditHours()));
        Map<String, Module> old = before.modules().stream().collect(Collectors.toMap(Module::id, Function.identity()));
        Map<String, Module> now = after.modules().stream().collect(Collectors.toMap(Module::id, Function.identity()));
        for (Module m : after.modules()) {
            Module was = old.get(m.id());
            if (was == null) {
                changes.add("Module added: '" + m.title() + "'");
                continue;
            }
            String at = "Module '" + m.title() + "': ";
            field(changes, at + "title", was.title(), m.title());
            field(changes, at + "description", was.description(), m.description());
            field(changes, at + "reading mode", mode(was.readingMode()), mode(m.readingMode()));
            field(changes, at + "cases", was.cases(), m.cases());
            field(changes, at + "tag rules", tagRules(was.caseTags()), tagRules(m.caseTags()));
            field(changes, at + "cases per attempt", orAll(was.casesPerAttempt()), orAll(m.casesPerAttempt()));
            field(changes, at + "order", was.randomOrder() ? "random" : "fixed", m.randomOrder() ? "random" : "fixed");
            field(changes, at + "prerequisites", titles(was.prerequisites(), before), titles(m.prerequisites(), after));
            field(changes, at + "time limit (minutes)", orNone(was.timeLimitMinutes()), orNone(m.timeLimitMinutes()));
            field(changes, at + "cool-down (hours)", orNone(was.retake() == null ? null : was.retake().cooldownHours()),
                    orNone(m.retake() == null ? null : m.retake().cooldownHours()));
            field(changes, at + "minimum cases", was.minimumCases(), m.minimumCases());
            field(changes, at + "minimum abnormal cases", zero(was.minimumAbnormalCases()), zero(m.minimumAbnormalCases()));
            field(changes, at + "minimum normal cases", zero(was.minimumNormalCases()), zero(m.minimumNormalCases()));
            field(changes, at + "thresholds", thresholds(was), thresholds(m));
        }
        before.modules().stream().filter(m -> !now.containsKey(m.id()))
                .forEach(m -> changes.add("Module removed: '" + m.title() + "' (attempts already made keep their version)"));
        List<String> oldOrder = before.modules().stream().map(Module::id).filter(now::containsKey).toList();
        List<String> newOrder = after.modules().stream().map(Module::id).filter(old::containsKey).toList();
        if (!oldOrder.equals(newOrder)) {
            changes.add("Modules reordered: " + after.modules().stream().map(m -> "'" + m.title() + "'").collect(Collectors.joining(", ")));
        }
        return changes;
    }

    /** The thresholds as residents read them, e.g. "lower 95% bound of sensitivity ≥ 80%". */
    static String thresholds(Module m) {
        return m.thresholds().stream().map(t -> new ModuleInfo.ThresholdRule(t.metric(), t.min(), t.max(), t.boundOrDefault()).describe())
                .collect(Collectors.joining(", "));
    }

    /** [[chest, ct], [imported]] → "chest + ct; imported": each rule's tags, all of which a case must carry. */
    static String tagRules(List<List<String>> rules) {
        return rules.isEmpty() ? "none" : rules.stream().map(r -> String.join(" + ", r)).collect(Collectors.joining("; "));
    }

    /** Prerequisites by the titles of their modules in that version. */
    private static List<String> titles(List<String> moduleIds, CurriculumManifest in) {
        return moduleIds.stream().map(id -> in.modules().stream().filter(x -> x.id().equals(id)).findFirst().map(x -> "'" + x.title() + "'")
                .orElse(id)).toList();
    }

    private static void field(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + ": " + shown(before) + " → " + shown(after));
        }
    }

    private static String shown(Object value) {
        String text = value instanceof List<?> list ? list.isEmpty() ? "none" : list.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 117) + "…" : text;
    }

    private static String mode(String code) {
        return ReadingMode.fromCode(code).map(ReadingMode::displayName).orElse(code);
    }

    private static Object orAll(Integer n) {
        return n == null ? "the whole pool" : n;
    }

    private static Object orNone(Object n) {
        return n == null ? "none" : n;
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }
}

package org.calibra.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import tools.jackson.databind.JsonNode;

/**
 * Where the files of a case folder are, for synthetic cases too. A case.yaml with a {@code synthetic} block
 * either has all its generated files beside it (a full bundle; checked against the recipe's sha256) or none
 * (a recipe-only bundle): then they are generated once into {@code <cache>/<recipe-hash>/} and reused on
 * every later load while they still match the sha256. Case folders without the block are left alone.
 */
public final class SyntheticCases {

    /** Overrides the cache folder for callers that have no configuration (tests, command-line tools). */
    /**
     * What every generated image says in Manufacturer (0008,0070), which de-identification keeps: how a generated case
     * exported from the app (its recipe left behind) is still known to be synthetic when it comes back.
     */
    public static final String MANUFACTURER = "Calibra synthetic phantom";

    public static final String CACHE_PROPERTY = "calibra.synthetic.cache-dir";

    private SyntheticCases() {
    }

    /** {@code ./data/synthetic}, or the system property {@value #CACHE_PROPERTY}. */
    public static Path defaultCacheRoot() {
        String configured = System.getProperty(CACHE_PROPERTY);
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("data", "synthetic");
    }

    /**
     * The folder to read the case's files from: {@code caseDir} itself, or the cache folder holding the
     * generated files of a recipe-only bundle. {@code manifest} is the parsed case.yaml, {@code file} its name
     * for messages ("cases/&lt;id&gt;/case.yaml").
     */
    public static Path filesFolder(Path caseDir, JsonNode manifest, String file, Path cacheRoot) {
        JsonNode block = manifest.get("synthetic");
        if (block == null) {
            return caseDir;
        }
        String caseId = manifest.path("id").asString("");
        RecipeCodec.Parsed parsed = RecipeCodec.parse(block, caseId, file);
        if (parsed.sha256() == null) {
            throw new ContentException(new ContentProblem(file, "synthetic.sha256",
                    "is required: it is what regenerated files are checked against (./calibra synth writes it)"));
        }
        List<String> names = generatedNames(manifest);
        long present = names.stream().filter(n -> Files.exists(caseDir.resolve(n))).count();
        if (present == names.size()) {
            String actual = listingSha256(caseDir, names, file);
            if (!actual.equals(parsed.sha256())) {
                throw mismatch(file, caseId, "the files in the case folder", actual, parsed.sha256());
            }
            return caseDir;
        }
        if (present > 0) {
            throw new ContentException(new ContentProblem(file, "synthetic", "the case folder has " + present + " of the " + names.size()
                    + " generated files; commit all of them (a full bundle) or none (a recipe-only bundle)"));
        }
        return materialise(parsed, names, file, cacheRoot);
    }

    /** The recipe hash that names a case's cache folder: sha256 of the recipe as {@link RecipeCodec} writes it. */
    public static String recipeHash(Recipe r) {
        return SyntheticCaseGenerator.sha256(("case " + r.caseId() + "\n" + RecipeCodec.yaml(r, null, 0)).getBytes(StandardCharsets.UTF_8));
    }

    private static Path materialise(RecipeCodec.Parsed parsed, List<String> names, String file, Path cacheRoot) {
        Recipe recipe = parsed.recipe();
        Path target = cacheRoot.resolve(recipeHash(recipe));
        if (Files.isDirectory(target)) {
            if (listingSha256(target, names, null).equals(parsed.sha256())) {
                return target;
            }
            deleteTree(target); // damaged or stale: generate again
        }
        var generated = SyntheticCaseGenerator.generate(recipe, file);
        if (!generated.sha256().equals(parsed.sha256())) {
            throw mismatch(file, recipe.caseId(), "the regenerated files", generated.sha256(), parsed.sha256());
        }
        if (!generated.files().keySet().equals(new java.util.TreeSet<>(names))) {
            throw new ContentException(new ContentProblem(file, "images", "the generator writes " + generated.files().keySet()
                    + " but images and ai.heatmaps name " + names + "; regenerate the case.yaml with ./calibra synth"));
        }
        try {
            Files.createDirectories(cacheRoot);
            Path tmp = Files.createTempDirectory(cacheRoot, ".tmp-");
            for (var e : generated.files().entrySet()) {
                Files.write(tmp.resolve(e.getKey()), e.getValue());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                deleteTree(tmp); // another process won the race; its files are the same bytes
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic cache under " + cacheRoot, e);
        }
        return target;
    }

    private static ContentException mismatch(String file, String caseId, String what, String actual, String expected) {
        return new ContentException(new ContentProblem(file, "synthetic.sha256", "case '" + caseId + "': " + what + " have sha256 "
                + actual + " but the recipe says " + expected + ". This build's generator (" + Recipe.GENERATOR + " "
                + Recipe.GENERATOR_VERSION + ") does not reproduce them; regenerate the case with ./calibra synth or restore its recipe"));
    }

    /** Every file the manifest names: its images and its AI heatmaps. */
    static List<String> generatedNames(JsonNode manifest) {
        var names = new TreeMap<String, Boolean>();
        manifest.path("images").forEach(i -> names.put(i.path("file").asString(""), true));
        manifest.path("ai").path("heatmaps").forEach(h -> names.put(h.path("file").asString(""), true));
        return new ArrayList<>(names.keySet());
    }

    private static String listingSha256(Path dir, List<String> names, String file) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String n : names) {
            try {
                files.put(n, Files.readAllBytes(dir.resolve(n)));
            } catch (IOException e) {
                if (file == null) {
                    return "unreadable";
                }
                throw new ContentException(new ContentProblem(file, "images", "'" + n + "' cannot be read: " + e.getMessage()));
            }
        }
        return SyntheticCaseGenerator.listingSha256(files);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a later load tries again
        }
    }

    /** Writes {@code <out>/<case-id>/case.yaml}, and the generated files too when {@code withFiles}. */
    public static Path writeBundle(SyntheticCaseGenerator.Generated g, Path out, boolean withFiles) throws IOException {
        Path dir = out.resolve(g.recipe().caseId());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("case.yaml"), CaseYamlWriter.write(g));
        if (withFiles) {
            for (var e : g.files().entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
        }
        return dir;
    }
}

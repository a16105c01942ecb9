package org.calibra.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.calibra.synthetic.Recipe.AiModel;
import org.calibra.synthetic.Recipe.CtParameters;
import org.calibra.synthetic.Recipe.Density;
import org.calibra.synthetic.Recipe.Kind;
import org.calibra.synthetic.Recipe.Lesion;
import org.calibra.synthetic.Recipe.Nodule;
import org.calibra.synthetic.Recipe.RadiographParameters;
import org.calibra.synthetic.phantom.ChestCtVolume;
import org.calibra.synthetic.phantom.ChestRadiograph;
import org.calibra.synthetic.phantom.Rng;

/**
 * A recipe from what an educator chose in words (the authoring page's form): the kind of image, the lesions' sizes, their
 * density (CT) or contrast (radiograph), the image noise and the simulated AI. The lesions are placed at random inside a
 * lung of the case's own phantom, the way {@link LibraryPlanner} places them, so the educator never needs coordinates.
 * The seed comes from the caller (a secret one, {@link LibraryPlanner#secretSeeds}); nothing here writes it anywhere.
 */
public final class RecipeBuilder {

    /** What the form asks for; {@code noise}: HU for CT, a fraction of the signal range for a radiograph. */
    public record Choice(Kind kind, List<Double> diametersMm, Density density, double contrast, double noise, AiModel ai) {
        public Choice {
            diametersMm = List.copyOf(diametersMm);
        }
    }

    private RecipeBuilder() {
    }

    /**
     * The recipe, lesions L1, L2… placed. Throws {@link IllegalArgumentException} with why in words when the lungs of
     * this phantom have no room for a lesion of that size (a smaller size, or fewer lesions, will fit).
     */
    public static Recipe build(String caseId, long seed, Choice c) {
        Rng rng = new Rng(seed).fork("form");
        try {
            if (c.kind() == Kind.CHEST_CT) {
                var standard = CtParameters.standard(List.of());
                var empty = new CtParameters(standard.rows(), standard.columns(), standard.slices(), standard.pixelSpacingMm(),
                        standard.sliceSpacingMm(), c.noise(), List.of());
                // the same phantom the generator will build for this case, to place nodules inside its lungs
                var volume = new ChestCtVolume(empty, new Rng(seed).fork(caseId).fork("volume"));
                List<Nodule> nodules = new ArrayList<>();
                for (int k = 0; k < c.diametersMm().size(); k++) {
                    nodules.add(LibraryPlanner.placeNodule("L" + (k + 1), c.diametersMm().get(k), c.density(), volume, empty, nodules, rng));
                }
                var p = new CtParameters(empty.rows(), empty.columns(), empty.slices(), empty.pixelSpacingMm(), empty.sliceSpacingMm(),
                        empty.noiseHu(), nodules);
                return new Recipe(caseId, Kind.CHEST_CT, seed, p, c.ai());
            }
            var standard = RadiographParameters.standard(List.of());
            var empty = new RadiographParameters(standard.rows(), standard.columns(), standard.pixelSpacingMm(), c.noise(), List.of());
            var image = new ChestRadiograph(empty, new Rng(seed).fork(caseId).fork("radiograph"));
            List<Lesion> lesions = new ArrayList<>();
            for (int k = 0; k < c.diametersMm().size(); k++) {
                lesions.add(LibraryPlanner.placeLesion("L" + (k + 1), c.diametersMm().get(k), c.contrast(), image, empty, lesions, rng));
            }
            var p = new RadiographParameters(empty.rows(), empty.columns(), empty.pixelSpacingMm(), empty.noise(), lesions);
            return new Recipe(caseId, Kind.CHEST_RADIOGRAPH, seed, p, c.ai());
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("The lungs of this phantom have no room for " + c.diametersMm().size() + " lesion(s) of "
                    + c.diametersMm() + " mm apart from each other; choose smaller sizes or fewer lesions, or generate again.", e);
        }
    }
}

package org.calibra.casebank.aiobjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calibra.casebank.aiobjects.Fixtures.mapped;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calibra.dicom.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo content maps as an educator uploading it would see it: the case's images read back from the written files. */
class DemoAiObjectsTest {

    @Test
    void the_demo_objects_map_onto_the_demo_series(@TempDir Path tmp) throws Exception {
        List<Path> written = DemoAiObjects.write(tmp);
        List<CaseImage> stack = new ArrayList<>();
        for (Path p : written) {
            if (p.getFileName().toString().startsWith("ct-")) {
                stack.add(CaseImage.of(DicomReader.readHeader(p).data(), 0));
            }
        }
        assertThat(stack).hasSize(12).allSatisfy(i -> assertThat(i.plane()).isNotNull());

        var results = AiObjects.readAll(List.of(
                new AiFile(DemoAiObjects.SEG, Files.readAllBytes(tmp.resolve(DemoAiObjects.SEG))),
                new AiFile(DemoAiObjects.SR, Files.readAllBytes(tmp.resolve(DemoAiObjects.SR)))), stack);

        AiObject seg = mapped(results.get(0));
        assertThat(seg.regions()).extracting(AiRegion::label, AiRegion::firstImage, AiRegion::lastImage, AiRegion::probability)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nodule", 4, 8, 0.87), org.assertj.core.groups.Tuple.tuple("Nodule", 8, 9, 0.41));
        assertThat(seg.regions().getFirst().keySlice().imageIndex()).isEqualTo(DemoAiObjects.HEATMAP_IMAGE);
        AiObject sr = mapped(results.get(1));
        assertThat(sr.caseScore()).isEqualTo(0.88);
        assertThat(sr.regions()).extracting(r -> r.keySlice().imageIndex()).containsExactly(DemoAiObjects.HEATMAP_IMAGE, 8);

        AiObject heatmap = mapped(AiObjects.heatmap(DemoAiObjects.HEATMAP, Files.readAllBytes(tmp.resolve(DemoAiObjects.HEATMAP)),
                DemoAiObjects.HEATMAP_IMAGE, stack));
        assertThat(heatmap.heatmaps().getFirst().width()).isEqualTo(64);
        assertThat(DemoAiObjects.write(tmp.resolve("again")).stream().map(p -> p.getFileName().toString()).toList())
                .as("the same files").containsExactlyElementsOf(written.stream().map(p -> p.getFileName().toString()).toList());
        assertThat(Files.readAllBytes(tmp.resolve("again").resolve(DemoAiObjects.SEG))).isEqualTo(Files.readAllBytes(tmp.resolve(DemoAiObjects.SEG)));
    }
}

package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.calibra.authoring.SyntheticCaseForm.Field;
import org.calibra.synthetic.Recipe;
import org.junit.jupiter.api.Test;

/** The synthetic form's checks: every broken field named with what was typed and what is allowed, all at once. */
class SyntheticCaseFormTest {

    private static final SyntheticCaseForm OK = SyntheticCaseForm.defaults();

    private static SyntheticCaseForm radiograph() {
        return new SyntheticCaseForm("radiograph", "2", "20, 12", "", "6", "1.2", "80", "0.35", "0.7");
    }

    @Test
    void the_defaults_make_a_ct_with_one_ten_mm_solid_nodule() {
        var checked = OK.check();
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.choice().kind()).isEqualTo(Recipe.Kind.CHEST_CT);
        assertThat(checked.choice().diametersMm()).containsExactly(10.0);
        assertThat(checked.choice().density()).isEqualTo(Recipe.Density.SOLID);
        assertThat(checked.choice().noise()).isEqualTo(18.0);
        assertThat(checked.choice().ai().sensitivity()).isEqualTo(0.8);
    }

    @Test
    void a_radiograph_takes_one_size_per_lesion_its_contrast_and_noise_in_percent() {
        var c = radiograph().check().choice();
        assertThat(c.kind()).isEqualTo(Recipe.Kind.CHEST_RADIOGRAPH);
        assertThat(c.diametersMm()).containsExactly(20.0, 12.0);
        assertThat(c.contrast()).isEqualTo(0.06);
        assertThat(c.noise()).isEqualTo(0.012);
    }

    @Test
    void one_size_applies_to_every_lesion_and_a_normal_case_needs_no_size() {
        var three = new SyntheticCaseForm("ct", "3", "8", "ground-glass", "", "18", "80", "0.35", "0.7").check();
        assertThat(three.choice().diametersMm()).containsExactly(8.0, 8.0, 8.0);
        var normal = new SyntheticCaseForm("ct", "0", "", "", "", "18", "80", "0.35", "0.7").check();
        assertThat(normal.problems()).isEmpty();
        assertThat(normal.choice().diametersMm()).isEmpty();
    }

    @Test
    void out_of_range_values_name_the_field_the_value_and_the_allowed_range() {
        var checked = new SyntheticCaseForm("ct", "7", "35", "solid", "", "90", "120", "-1", "0.1").check();
        assertThat(checked.ok()).isFalse();
        assertThat(checked.choice()).isNull();
        assertThat(checked.problems()).extracting(SyntheticCaseForm.Problem::toString).containsExactly(
                "Number of lesions: '7' is outside the allowed range; write a whole number from 0 to 3",
                "Image noise: '90' is outside the allowed range; write a number from 0 to 60",
                "AI sensitivity (%): '120' is outside the allowed range; write a number from 0 to 100",
                "AI false marks per case: '-1' is outside the allowed range; write a number from 0 to 3",
                "AI calibration slope: '0.1' is outside the allowed range; write a number from 0.3 to 3");
        var size = new SyntheticCaseForm("ct", "1", "35", "solid", "", "18", "80", "0.35", "0.7").check();
        assertThat(size.problems()).extracting(SyntheticCaseForm.Problem::toString)
                .containsExactly("Lesion sizes (mm): '35' is outside the allowed range; write a number from 4 to 30 mm");
        var cxrSize = new SyntheticCaseForm("radiograph", "1", "35", "", "5", "1", "80", "0.35", "0.7").check();
        assertThat(cxrSize.problems()).as("a radiograph allows larger lesions than the CT slab").isEmpty();
    }

    @Test
    void empty_fields_are_named_with_what_to_write() {
        var checked = new SyntheticCaseForm("", " ", "", "", "", "", "", "", "").check();
        assertThat(checked.problems()).extracting(SyntheticCaseForm.Problem::field)
                .as("density and contrast depend on the kind of image").containsExactly(Field.KIND, Field.LESIONS, Field.NOISE, Field.SENSITIVITY, Field.FALSE_MARKS, Field.CALIBRATION);
        assertThat(checked.problems().getFirst().toString()).isEqualTo("Kind of image: is empty; choose a chest CT or a chest radiograph");
        assertThat(checked.problems().get(1).toString()).isEqualTo("Number of lesions: is empty; write a whole number from 0 to 3");
        var noSize = new SyntheticCaseForm("ct", "2", "", "solid", "", "18", "80", "0.35", "0.7").check();
        assertThat(noSize.problems()).extracting(SyntheticCaseForm.Problem::toString)
                .containsExactly("Lesion sizes (mm): is empty; write a diameter for every lesion, or one for all (4 to 30 mm)");
    }

    @Test
    void non_numeric_input_is_named_not_dropped() {
        var checked = new SyntheticCaseForm("radiograph", "two", "12", "", "lots", "1e1", "NaN", "0x1", "1.5").check();
        assertThat(checked.problems()).extracting(SyntheticCaseForm.Problem::toString).containsExactly(
                "Number of lesions: 'two' is not a number; write a whole number from 0 to 3",
                "Image noise: '1e1' is not a number; write a number from 0 to 5",
                "AI sensitivity (%): 'NaN' is not a number; write a number from 0 to 100",
                "AI false marks per case: '0x1' is not a number; write a number from 0 to 3");
        var fraction = new SyntheticCaseForm("ct", "1.5", "10", "solid", "", "18", "80", "0.35", "0.7").check();
        assertThat(fraction.problems()).extracting(SyntheticCaseForm.Problem::toString)
                .containsExactly("Number of lesions: '1.5' is not a whole number; write a whole number from 0 to 3");
        var sizes = new SyntheticCaseForm("radiograph", "2", "12, big", "", "5", "1", "80", "0.35", "0.7").check();
        assertThat(sizes.problems()).extracting(SyntheticCaseForm.Problem::toString)
                .containsExactly("Lesion sizes (mm): 'big' is not a number; write a number from 6 to 40 mm");
        var contrast = new SyntheticCaseForm("radiograph", "1", "12", "", "strong", "1", "80", "0.35", "0.7").check();
        assertThat(contrast.problems()).extracting(SyntheticCaseForm.Problem::toString)
                .containsExactly("Lesion contrast (%, radiograph): 'strong' is not a number; write a number from 1 to 15");
    }

    @Test
    void the_wrong_number_of_sizes_and_unknown_choices_are_refused() {
        var sizes = new SyntheticCaseForm("ct", "3", "8, 10", "solid", "", "18", "80", "0.35", "0.7").check();
        assertThat(sizes.problems()).extracting(SyntheticCaseForm.Problem::toString)
                .containsExactly("Lesion sizes (mm): '8, 10' has 2 sizes for 3 lesions; write one for every lesion, or one for all");
        var choices = new SyntheticCaseForm("mri", "1", "10", "fluffy", "", "18", "80", "0.35", "0.7").check();
        assertThat(choices.problems()).extracting(SyntheticCaseForm.Problem::toString).contains(
                "Kind of image: 'mri' is not one of the choices; choose a chest CT or a chest radiograph");
    }

    @Test
    void a_decimal_comma_reads_as_a_decimal_point() {
        var c = new SyntheticCaseForm("ct", "1", "7,5", "solid", "", "12,5", "80", "0,35", "0,7").check();
        assertThat(c.problems()).as("'7,5' as sizes is two sizes for one lesion").hasSize(1);
        var ok = new SyntheticCaseForm("ct", "1", "7.5", "solid", "", "12,5", "80", "0,35", "0,7").check();
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.choice().noise()).isEqualTo(12.5);
    }
}

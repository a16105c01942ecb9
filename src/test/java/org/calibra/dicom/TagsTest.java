package org.calibra.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The named tags are the dictionary's: no hand-typed tag or name can drift from PS3.6. */
class TagsTest {

    @Test
    void every_named_tag_carries_the_keyword_ps3_6_gives_it() throws IllegalAccessException {
        var named = Arrays.stream(Tags.class.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()) && f.getType() == int.class).toList();
        assertThat(named).hasSizeGreaterThan(90);
        for (Field f : named) {
            int tag = f.getInt(null);
            assertThat(Dictionary.keyword(tag)).as(Tags.format(tag)).isEqualTo(f.getName());
            assertThat(Dictionary.tag(f.getName())).isEqualTo(tag);
        }
    }
}

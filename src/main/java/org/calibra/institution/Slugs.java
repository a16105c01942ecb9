package org.calibra.institution;

import java.text.Normalizer;
import java.util.Locale;

/** Institution slugs: lower-case ASCII letters, digits and single hyphens, derived once from the name. */
public final class Slugs {

    public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    private Slugs() {
    }

    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replace("'", "").replace(".", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("An institution's name needs at least one letter or digit: '" + name + "'");
        }
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }
}

package org.calibra.dicom.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calibra.dicom.Tags;

/** The action table of PS3.15 Table E.1-1, Basic Profile column, from {@code basic-profile.tsv}. */
public final class BasicProfile {

    private static final Map<Integer, Action> ACTIONS = new LinkedHashMap<>();

    static {
        try (var in = new BufferedReader(new InputStreamReader(
                BasicProfile.class.getResourceAsStream("basic-profile.tsv"), StandardCharsets.US_ASCII))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t");
                    ACTIONS.put(Integer.parseUnsignedInt(f[0], 16), Action.parse(f[1]));
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("the profile table org/calibra/dicom/deid/basic-profile.tsv is missing", e));
        }
    }

    private BasicProfile() {
    }

    /** The action for a public tag, or null when the profile does not list it. */
    public static Action actionFor(int tag) {
        Action a = ACTIONS.get(tag);
        if (a != null) {
            return a;
        }
        int group = Tags.group(tag);
        int element = tag & 0xFFFF;
        if (group >= 0x5000 && group <= 0x50FF && (group & 1) == 0) {
            return Action.REMOVE; // retired curve data: may hold anything
        }
        if (group >= 0x6000 && group <= 0x60FF && (group & 1) == 0 && (element == 0x3000 || element == 0x4000)) {
            return Action.REMOVE; // overlay data (may spell out names) and overlay comments
        }
        return null;
    }

    /** Every listed tag with its action, in table order. */
    public static Map<Integer, Action> table() {
        return Collections.unmodifiableMap(ACTIONS);
    }
}

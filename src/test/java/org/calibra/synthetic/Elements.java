package org.calibra.synthetic;

import java.util.LinkedHashMap;
import java.util.Map;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Element;
import org.calibra.dicom.Part10;
import org.calibra.dicom.Tags;

/** Top-level elements of a Part 10 file (the meta group too), as text (numbers for US), for assertions; read with the codec. */
final class Elements {

    private Elements() {
    }

    static Map<String, String> of(byte[] file) {
        Part10 p = DicomReader.read(file);
        Map<String, String> out = new LinkedHashMap<>();
        for (DataSet ds : new DataSet[] {p.meta(), p.data()}) {
            for (Element e : ds.view()) {
                out.put(String.format("%04X,%04X", e.tag() >>> 16, e.tag() & 0xFFFF), switch (e.vr()) {
                    case "US" -> Long.toString(e.longs()[0]);
                    case "OW", "OB" -> e.vr() + ":" + e.value().length;
                    case "SQ" -> "SQ:" + e.items().size() + " items";
                    default -> e.text();
                });
            }
        }
        return out;
    }

    /** The stored pixel values (16-bit unsigned) of a file this generator wrote. */
    static int[] pixels(byte[] file, int count) {
        Element pixelData = DicomReader.read(file).data().get(Tags.PixelData);
        var words = Element.of(Tags.PixelData, "US", pixelData.value()).longs();
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) words[i];
        }
        return out;
    }
}

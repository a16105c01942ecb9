package org.calibra.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.calibra.certification.CertificateRecord;
import org.junit.jupiter.api.Test;

class CertificatePdfTest {

    private static final String URL = "https://calibra.example.org/verify/q3Zx9Vb2RkS0n4mH8pLw1A";

    @Test
    void the_certificate_is_one_page_with_holder_institution_ids_embedded_fonts_and_a_qr_code_to_the_verification_page() throws Exception {
        var settings = new IssuerSettings("https://calibra.example.org", "St. Example Teaching Hospital", "", "", "Radiology", "", "RS256", "");
        var record = new CertificateRecord("q3Zx9Vb2RkS0n4mH8pLw1A", "Dr. Rosa Resident", "Calibra certificate: Reading with AI — foundations",
                "St. Example Teaching Hospital", List.of("Detects focal abnormalities on CT & MR"),
                List.of(new CertificateRecord.ModuleEvidence("First reads", 6, "100% (95% CI 61%–100%)", "100%", List.of("sensitivity ≥ 60%"), 7L, 1)),
                Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2028-11-23T09:00:00Z"), null, CertificateRecord.Status.VALID, null, 12.0);

        byte[] pdf = new CertificatePdf(settings).render(record, URL);

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "certificate-sample.pdf"), pdf); // to look at: pdftoppm -png
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Dr. Rosa Resident").contains("Reading with AI — foundations").contains("CT & MR").contains("95% CI 61%–100%")
                    .contains("Worth 12 CPD/CME credit hours");
            String squeezed = text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT); // letter-spaced headings, wrapped ids
            assertThat(squeezed).contains("st.exampleteachinghospital").contains("certificateid:q3zx9vb2rks0n4mh8plw1a")
                    .contains("credentialid:" + URL.toLowerCase(java.util.Locale.ROOT));
            var page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            String qr = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)))).getText();
            assertThat(qr).isEqualTo(URL);
            assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
        }
    }
}

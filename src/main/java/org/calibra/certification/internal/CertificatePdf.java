package org.calibra.certification.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.calibra.certification.CertificateRecord;
import org.springframework.stereotype.Component;

/**
 * The printable certificate: institution and logo, holder, title, dates, competencies, the evidence in brief, a
 * QR code that opens the public verification page, and the credential ID. Rendered from XHTML by openhtmltopdf
 * with embedded fonts (DejaVu Serif when the system has it; Liberation Sans, shipped inside PDFBox, always).
 */
@Component
public class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);
    private static final Path SERIF = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
    private static final Path SERIF_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf");

    private final IssuerSettings settings;

    CertificatePdf(IssuerSettings settings) {
        this.settings = settings;
    }

    public byte[] render(CertificateRecord c, String verifyUrl) {
        var out = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder().useFastMode().withHtmlContent(html(c, verifyUrl), settings.publicUrl() + "/");
            builder.useFont(() -> CertificatePdf.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf"),
                    "Liberation Sans");
            if (Files.isReadable(SERIF) && Files.isReadable(SERIF_BOLD)) {
                builder.useFont(SERIF.toFile(), "Certificate Serif", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
                builder.useFont(SERIF_BOLD.toFile(), "Certificate Serif", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.toStream(out).run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the certificate PDF", e);
        }
        return out.toByteArray();
    }

    String html(CertificateRecord c, String verifyUrl) {
        var competencies = new StringBuilder();
        c.competencies().forEach(x -> competencies.append("<li>").append(esc(x)).append("</li>"));
        var evidence = new StringBuilder();
        c.evidence().forEach(e -> evidence.append("<li><b>").append(esc(e.module())).append("</b>: ").append(e.casesRead())
                .append(" cases read; sensitivity ").append(esc(e.sensitivity())).append("; specificity ").append(esc(e.specificity()))
                .append(".</li>"));
        return """
                <html><head><meta charset="UTF-8"/><title>%s</title><style>
                @page { size: A4 landscape; margin: 14mm; }
                body { font-family: 'Certificate Serif', 'Liberation Sans', sans-serif; color: #1d2733; }
                .frame { border: 3px double #24507a; padding: 10mm 14mm; height: 176mm; box-sizing: border-box; }
                .top { width: 100%%; }
                .logo { width: 22mm; height: 22mm; vertical-align: middle; }
                .institution { font-family: 'Liberation Sans', sans-serif; font-size: 13pt; letter-spacing: 0.12em; text-transform: uppercase;
                               color: #24507a; vertical-align: middle; padding-left: 4mm; }
                .kicker { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; letter-spacing: 0.2em; text-transform: uppercase;
                          color: #5b6b7c; margin-top: 9mm; }
                h1 { font-size: 30pt; font-weight: 700; margin: 2mm 0 1mm 0; }
                .title { font-size: 17pt; margin: 0 0 5mm 0; }
                .dates { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; color: #34495e; }
                h2 { font-family: 'Liberation Sans', sans-serif; font-size: 9pt; letter-spacing: 0.15em; text-transform: uppercase;
                     color: #5b6b7c; margin: 5mm 0 1mm 0; }
                ul { margin: 0; padding-left: 5mm; font-size: 10.5pt; }
                .columns { width: 100%%; }
                .columns td { vertical-align: top; }
                .qr { width: 38mm; height: 38mm; }
                .verify { font-family: 'Liberation Sans', sans-serif; font-size: 8pt; color: #34495e; text-align: center; width: 48mm; }
                .id { font-family: 'Liberation Sans', monospace; font-size: 8pt; }
                </style></head><body><div class="frame">
                <table class="top"><tr><td><img class="logo" src="%s" alt=""/><span class="institution">%s</span></td></tr></table>
                <div class="kicker">This certifies that</div>
                <h1>%s</h1>
                <div class="title">%s</div>
                <div class="dates">Issued on %s · valid until %s%s</div>
                <table class="columns"><tr><td>
                <h2>Competencies attested</h2><ul>%s</ul>
                <h2>Evidence</h2><ul>%s</ul>
                </td><td class="verify">
                <img class="qr" src="%s" alt="QR code to the verification page"/><br/>
                Scan to verify, or open<br/>%s<br/><br/>
                <span class="id">Certificate ID: %s<br/>Credential ID: %s</span>
                </td></tr></table>
                </div></body></html>
                """.formatted(esc(c.title()), logo(), esc(settings.name()), esc(c.holderName()), esc(c.title()), DATE.format(c.issuedAt()),
                DATE.format(c.expiresAt()), c.creditHours() == null ? "" : " · " + esc(c.creditInWords()), competencies, evidence, qr(verifyUrl), esc(verifyUrl), esc(c.publicId()), esc(verifyUrl));
    }

    /** A QR code (error correction M) as a PNG data URI. */
    static String qr(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 400, 400,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            var png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("Could not draw the QR code", e);
        }
    }

    /** The configured logo (calibra.institution.logo, a PNG or JPEG file), or a drawn emblem with the institution's initial. */
    private String logo() {
        try {
            if (!settings.logoPath().isBlank()) {
                Path p = Path.of(settings.logoPath());
                String type = p.toString().toLowerCase().endsWith(".png") ? "png" : "jpeg";
                try (InputStream in = Files.newInputStream(p)) {
                    return "data:image/" + type + ";base64," + Base64.getEncoder().encodeToString(in.readAllBytes());
                }
            }
            var img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
            var g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x24507a));
            g.setStroke(new BasicStroke(12));
            g.drawOval(10, 10, 180, 180);
            g.setFont(new Font(Font.SERIF, Font.BOLD, 110));
            String initial = settings.name().isBlank() ? "C" : settings.name().substring(0, 1).toUpperCase();
            var metrics = g.getFontMetrics();
            g.drawString(initial, 100 - metrics.stringWidth(initial) / 2, 100 + metrics.getAscent() / 2 - 12);
            g.dispose();
            var png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the institution's logo " + settings.logoPath(), e);
        }
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

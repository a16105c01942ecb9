package org.calibra.certification.badge;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a curriculum's badge as a square PNG: a round medal with "CALIBRA", the curriculum's title and its CPD/CME credit.
 * Plain Java2D with the Liberation Sans font that ships inside PDFBox — no system font, nothing fetched — so the same
 * face gives the same bytes on every machine.
 */
public final class BadgeImage {

    public static final int SIZE = 400;
    static final int MAX_TITLE_LINES = 4;
    private static final Color MEDAL = new Color(0x24507a);
    private static final Color RIM = new Color(0xdbe7f3);
    private static final Color TEXT = Color.WHITE;
    private static final int TITLE_WIDTH = 272;
    /** Between the rule under "CALIBRA" and the credit line. */
    private static final int TITLE_HEIGHT = 140;
    private static final float LINE_SPACING = 1.18f;
    private static final Font FONT = loadFont();

    private BadgeImage() {
    }

    /** What a badge shows: the curriculum's title and its credit hours (null: none stated). */
    public record Face(String title, Double creditHours) {
        public Face {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("A badge needs the curriculum's title");
            }
        }

        /** "6 CPD/CME CREDIT HOURS", "1.5 CPD/CME CREDIT HOURS", or "CERTIFICATE" when the curriculum states no credit. */
        String footer() {
            if (creditHours == null) {
                return "CERTIFICATE";
            }
            String hours = creditHours == Math.rint(creditHours) ? String.valueOf(creditHours.longValue()) : String.valueOf(creditHours);
            return hours + " CPD/CME CREDIT HOUR" + (creditHours == 1 ? "" : "S");
        }
    }

    public static byte[] png(Face face) {
        var image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            drawMedal(g);
            drawCentred(g, "CALIBRA", spaced(FONT.deriveFont(Font.BOLD, 24f), 0.25f), RIM, 104);
            g.setColor(RIM);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(176, 122, 224, 122);
            drawTitle(g, face.title());
            drawCentred(g, face.footer(), spaced(FONT.deriveFont(Font.BOLD, 15f), 0.12f), RIM, 300);
            drawStar(g, SIZE / 2.0, 333, 11);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the badge", e);
        }
        return out.toByteArray();
    }

    /**
     * The title's lines at the largest size (36 down to 18 px) at which it fits at most {@value #MAX_TITLE_LINES} lines in
     * the space between "CALIBRA" and the credit; cut with "…" when it does not fit even at 18 px. A dash stays with the
     * word before it, so no line starts with one.
     */
    static TitleLayout layoutTitle(String title, java.util.function.Function<Font, java.awt.FontMetrics> metricsOf) {
        String text = title.strip().replaceAll("\\s+", " ").replace(" — ", "\u00a0— ").replace(" – ", "\u00a0– ");
        // as few lines as 24 px needs, at the largest size that still gives them: "Reading with AI —" / "foundations"
        var atReadableSize = fitting(text, 24f, metricsOf);
        int fewest = atReadableSize == null ? Integer.MAX_VALUE : atReadableSize.size();
        for (float size = 36f; size >= 18f; size -= 2f) {
            var lines = fitting(text, size, metricsOf);
            if (lines != null && (lines.size() <= fewest || size < 24f)) {
                return new TitleLayout(FONT.deriveFont(Font.BOLD, size), lines);
            }
        }
        // too long even at 18 px: words wider than a line are broken, and what is past the last line is cut
        var font = FONT.deriveFont(Font.BOLD, 18f);
        var metrics = metricsOf.apply(font);
        var pieces = new ArrayList<String>();
        for (String word : text.split(" ")) {
            var piece = new StringBuilder();
            for (int i = 0; i < word.length(); i = word.offsetByCodePoints(i, 1)) {
                String next = piece + word.substring(i, word.offsetByCodePoints(i, 1));
                if (metrics.stringWidth(next + "…") > TITLE_WIDTH && !piece.isEmpty()) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                }
                piece.append(word, i, word.offsetByCodePoints(i, 1));
            }
            pieces.add(piece.toString());
        }
        var lines = wrap(String.join(" ", pieces), metrics, TITLE_WIDTH);
        var kept = new ArrayList<>(lines.subList(0, Math.min(lines.size(), MAX_TITLE_LINES)));
        if (lines.size() > MAX_TITLE_LINES) {
            String last = kept.getLast();
            while (!last.isEmpty() && metrics.stringWidth(last + "…") > TITLE_WIDTH) {
                last = last.substring(0, last.length() - 1);
            }
            kept.set(kept.size() - 1, last.strip() + "…");
        }
        return new TitleLayout(font, kept);
    }

    record TitleLayout(Font font, List<String> lines) {}

    /** The lines at this size, or null when they do not fit the title's space. */
    private static List<String> fitting(String text, float size, java.util.function.Function<Font, java.awt.FontMetrics> metricsOf) {
        var lines = wrap(text, metricsOf.apply(FONT.deriveFont(Font.BOLD, size)), TITLE_WIDTH);
        return lines != null && lines.size() <= MAX_TITLE_LINES && lines.size() * size * LINE_SPACING <= TITLE_HEIGHT ? lines : null;
    }

    /** Greedy word wrap; null when a single word is wider than the line. */
    private static List<String> wrap(String text, java.awt.FontMetrics metrics, int width) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (metrics.stringWidth(word) > width) {
                return null;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void drawMedal(Graphics2D g) {
        g.setColor(MEDAL);
        g.fill(new Ellipse2D.Double(4, 4, SIZE - 8, SIZE - 8));
        g.setColor(RIM);
        g.setStroke(new BasicStroke(3f));
        g.draw(new Ellipse2D.Double(20, 20, SIZE - 40, SIZE - 40));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Ellipse2D.Double(27, 27, SIZE - 54, SIZE - 54));
    }

    /** The title, centred on the medal's middle. */
    private static void drawTitle(Graphics2D g, String title) {
        var layout = layoutTitle(title, g::getFontMetrics);
        g.setFont(layout.font());
        var metrics = g.getFontMetrics();
        int lineHeight = Math.round(layout.font().getSize2D() * LINE_SPACING);
        int block = lineHeight * layout.lines().size();
        int baseline = 208 - block / 2 + metrics.getAscent() - (lineHeight - metrics.getAscent() - metrics.getDescent()) / 2;
        for (String line : layout.lines()) {
            drawCentred(g, line, layout.font(), TEXT, baseline);
            baseline += lineHeight;
        }
    }

    private static void drawCentred(Graphics2D g, String text, Font font, Color color, int baseline) {
        g.setFont(font);
        g.setColor(color);
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (SIZE - width) / 2f, baseline);
    }

    private static void drawStar(Graphics2D g, double cx, double cy, double r) {
        var star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? r : r * 0.45;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + radius * Math.cos(angle);
            double y = cy + radius * Math.sin(angle);
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        g.setColor(RIM);
        g.fill(star);
    }

    private static Font spaced(Font font, float tracking) {
        return font.deriveFont(Map.of(TextAttribute.TRACKING, tracking));
    }

    private static Font loadFont() {
        try (InputStream in = BadgeImage.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("Liberation Sans (shipped inside PDFBox) is not on the class path");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read Liberation Sans", e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("Liberation Sans could not be read as a TrueType font", e);
        }
    }
}

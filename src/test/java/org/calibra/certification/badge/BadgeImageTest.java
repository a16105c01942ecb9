package org.calibra.certification.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BadgeImageTest {

    private static final BadgeImage.Face FOUNDATIONS = new BadgeImage.Face("Reading with AI — foundations", 6.0);

    @Test
    void a_badge_is_a_square_png_with_a_round_medal_on_a_transparent_ground() throws IOException {
        BufferedImage image = decode(BadgeImage.png(FOUNDATIONS));

        assertThat(image.getWidth()).isEqualTo(BadgeImage.SIZE);
        assertThat(image.getHeight()).isEqualTo(BadgeImage.SIZE);
        assertThat(new Color(image.getRGB(0, 0), true).getAlpha()).as("corner outside the medal").isZero();
        assertThat(new Color(image.getRGB(200, 60), true)).as("the medal's blue near the top").isEqualTo(new Color(0x24507a));
    }

    @Test
    void the_same_face_gives_the_same_bytes_and_another_title_other_bytes() {
        assertThat(BadgeImage.png(FOUNDATIONS)).isEqualTo(BadgeImage.png(new BadgeImage.Face("Reading with AI — foundations", 6.0)));
        assertThat(BadgeImage.png(FOUNDATIONS)).isNotEqualTo(BadgeImage.png(new BadgeImage.Face("Chest nodules with AI", 6.0)));
        assertThat(BadgeImage.png(FOUNDATIONS)).as("the credit is drawn").isNotEqualTo(BadgeImage.png(new BadgeImage.Face("Reading with AI — foundations", null)));
    }

    @Test
    void the_title_is_drawn_in_white_inside_the_medal() throws IOException {
        BufferedImage image = decode(BadgeImage.png(FOUNDATIONS));
        int white = 0;
        for (int y = 150; y < 270; y++) {
            for (int x = 70; x < 330; x++) {
                var c = new Color(image.getRGB(x, y), true);
                if (c.getRed() > 240 && c.getGreen() > 240 && c.getBlue() > 240) {
                    white++;
                }
            }
        }
        assertThat(white).as("white title pixels in the middle band").isGreaterThan(500);
    }

    @Test
    void a_long_title_is_wrapped_to_at_most_four_lines_and_cut_with_an_ellipsis_only_when_it_cannot_fit() {
        var image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        var shortTitle = BadgeImage.layoutTitle("Reading with AI — foundations", g::getFontMetrics);
        var endless = BadgeImage.layoutTitle("Reading ".repeat(40) + "the end", g::getFontMetrics);
        var oneLongWord = BadgeImage.layoutTitle("Pneumonoultramicroscopicsilicovolcanoconiosisandmoreandmoreandmore", g::getFontMetrics);
        g.dispose();

        assertThat(shortTitle.lines()).as("two lines at the largest size that gives two").hasSize(2)
                .noneSatisfy(line -> assertThat(line).startsWith("—"));
        assertThat(String.join(" ", shortTitle.lines()).replace('\u00a0', ' ')).isEqualTo("Reading with AI — foundations");
        assertThat(shortTitle.font().getSize2D()).isGreaterThan(24f);
        assertThat(endless.lines()).hasSize(BadgeImage.MAX_TITLE_LINES);
        assertThat(endless.lines().getLast()).endsWith("…");
        assertThat(oneLongWord.lines()).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line).isNotBlank().doesNotEndWith("…"));
        assertThat(String.join("", oneLongWord.lines())).isEqualTo("Pneumonoultramicroscopicsilicovolcanoconiosisandmoreandmoreandmore");
    }

    @Test
    void the_footer_says_the_credit_in_words_or_certificate() {
        assertThat(FOUNDATIONS.footer()).isEqualTo("6 CPD/CME CREDIT HOURS");
        assertThat(new BadgeImage.Face("X", 1.0).footer()).isEqualTo("1 CPD/CME CREDIT HOUR");
        assertThat(new BadgeImage.Face("X", 1.5).footer()).isEqualTo("1.5 CPD/CME CREDIT HOURS");
        assertThat(new BadgeImage.Face("X", null).footer()).isEqualTo("CERTIFICATE");
        assertThatThrownBy(() -> new BadgeImage.Face(" ", 2.0)).hasMessageContaining("title");
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}

package org.calibra.synthetic.phantom;

/**
 * An analytic chest in patient coordinates (millimetres, DICOM LPS: +x patient left, +y posterior, +z head;
 * origin at the middle of the slab): body wall (fat, muscle), ribs, spine, sternum, mediastinum with heart,
 * aorta, pulmonary artery, trachea and main bronchi, lungs at about -850 HU, and the liver/spleen domes at
 * the bottom. Proportions vary with the seed. Everything is plain arithmetic plus {@link StrictMath}, so a
 * point gives the same value on every machine.
 */
public final class ChestAnatomy {

    static final double AIR = -1000, FAT = -100, MUSCLE = 45, LUNG = -850, BLOOD = 40, BONE = 700, MARROW = 230;

    final double scale, fat;
    final double bodyA, bodyAnt, bodyPost;
    final double cavA, cavAnt, cavPost;
    final double spineY, spineR;
    final double heartX, heartY, heartZ, heartA, heartB, heartC;
    final double ribPitch, ribPhase;
    final double carinaZ;
    final double[] rightHilum, leftHilum;

    public ChestAnatomy(Rng rng) {
        scale = rng.uniform(0.93, 1.07);
        fat = rng.uniform(8, 24);
        bodyA = 138 * scale + fat;
        bodyAnt = 92 * scale + 0.8 * fat;
        bodyPost = 98 * scale + 0.6 * fat;
        cavA = bodyA - fat - 20;
        cavAnt = bodyAnt - 0.8 * fat - 16;
        cavPost = bodyPost - 0.6 * fat - 10;
        spineY = cavPost * 0.74;
        spineR = 16 * scale;
        heartX = rng.uniform(18, 30) * scale;
        heartY = -cavAnt * 0.25;
        heartZ = rng.uniform(-70, -45);
        heartA = 68 * scale;
        heartB = cavAnt * 0.62;
        heartC = 75;
        ribPitch = rng.uniform(24, 28);
        ribPhase = rng.uniform(0, ribPitch);
        carinaZ = rng.uniform(25, 40);
        rightHilum = new double[] {-40 * scale, 2, carinaZ - 18};
        leftHilum = new double[] {38 * scale, 2, carinaZ - 22};
    }

    private static double sq(double v) {
        return v * v;
    }

    /** Math.sqrt is correctly rounded (IEEE 754), so this is as reproducible as StrictMath.hypot and faster. */
    private static double dist(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Inside an ellipse with different anterior (y < 0) and posterior semi-axes. */
    private static boolean inBody(double x, double y, double a, double ant, double post) {
        double b = y < 0 ? ant : post;
        return sq(x / a) + sq(y / b) < 1;
    }

    boolean inCavity(double x, double y) {
        return inBody(x, y, cavA, cavAnt, cavPost);
    }

    boolean inHeart(double x, double y, double z) {
        return sq((x - heartX) / heartA) + sq((y - heartY) / heartB) + sq((z - heartZ) / heartC) < 1;
    }

    private boolean inLiverDome(double x, double y, double z) {
        return sq(x + 55 * scale) + sq(y - 10) + sq(z + 150) < sq(118);
    }

    private boolean inSpleenDome(double x, double y, double z) {
        return sq(x - 55 * scale) + sq(y - 5) + sq(z + 160) < sq(110);
    }

    /** The central column between the lungs (excluding what the heart ellipsoid adds). */
    private boolean inMediastinumColumn(double x, double y, double z) {
        double t = (y + cavAnt) / (cavAnt + cavPost); // 0 at the sternum, 1 at the back
        double half = (15 + 11 * t + (z > carinaZ ? 0 : 4)) * scale;
        if (y > spineY - spineR - 10) {
            half = 26 * scale; // spine and paraspinal region
        }
        return Math.abs(x - 4 * (1 - t)) < half;
    }

    /** Lung parenchyma, before vessels and nodules are drawn into it. */
    public boolean inLung(double x, double y, double z) {
        return inCavity(x, y) && !inMediastinumColumn(x, y, z) && !inHeart(x, y, z)
                && !inLiverDome(x, y, z) && !inSpleenDome(x, y, z);
    }

    /** HU at a point, without vessels, nodules and noise. */
    public double hu(double x, double y, double z) {
        if (!inBody(x, y, bodyA, bodyAnt, bodyPost)) {
            return AIR;
        }
        double bone = bone(x, y, z);
        if (bone > -2000) {
            return bone;
        }
        if (!inBody(x, y, bodyA - fat, bodyAnt - 0.8 * fat, bodyPost - 0.6 * fat)) {
            return FAT;
        }
        if (!inCavity(x, y)) {
            return rib(x, y, z);
        }
        if (inLiverDome(x, y, z)) {
            return 58;
        }
        if (inSpleenDome(x, y, z)) {
            return 46;
        }
        if (inHeart(x, y, z)) {
            double shell = sq((x - heartX) / (heartA - 3)) + sq((y - heartY) / (heartB - 3)) + sq((z - heartZ) / (heartC - 3));
            return shell < 1 ? BLOOD : -90; // pericardial fat
        }
        if (inMediastinumColumn(x, y, z)) {
            return mediastinum(x, y, z);
        }
        if (inLiverDome(x, y, z + 4) || inSpleenDome(x, y, z + 4)) {
            return -500; // partial volume at the dome
        }
        // dependent (posterior) lung is a little denser
        return LUNG + 35 * (y / cavPost);
    }

    /** Vertebra, sternum. -2000 when not bone. */
    private double bone(double x, double y, double z) {
        double disc = ((z + 300) % 26) < 5 ? 1 : 0;
        double dv = dist(x, y - spineY);
        if (dv < spineR) {
            if (disc > 0) {
                return 85;
            }
            return dv > spineR - 2.2 ? BONE : MARROW;
        }
        if (dist(x, y - (spineY + spineR + 9)) < 7.5 * scale) {
            return 12; // spinal canal
        }
        if (disc == 0) {
            double ly = y - (spineY + spineR + 14);
            if (Math.abs(x) < 17 * scale && ly > 0 && ly < 8 && Math.abs(x) > 6) {
                return BONE - 150; // laminae
            }
            if (Math.abs(x) < 4.5 && y > spineY + spineR + 18 && y < spineY + spineR + 42) {
                return BONE - 150; // spinous process
            }
        }
        if (z < 70 && Math.abs(x) < 15 && y < -cavAnt + 2 && y > -cavAnt - 10) {
            return Math.abs(x) > 13 || y > -cavAnt || y < -cavAnt - 8 ? BONE - 100 : 300; // sternum
        }
        return -2000;
    }

    /**
     * Ribs in the chest wall just outside the cavity: bands that run down and forwards from the spine, so an
     * axial slice cuts them as short oblique arcs.
     */
    private double rib(double x, double y, double z) {
        double r = StrictMath.sqrt(sq(x / cavA) + sq(y / (y < 0 ? cavAnt : cavPost)));
        if (r > 1.075) {
            return MUSCLE;
        }
        double angleFromBack = StrictMath.atan2(Math.abs(x), y); // 0 at the spine, pi at the sternum
        if (angleFromBack < 0.3 || angleFromBack > 2.75) {
            return MUSCLE;
        }
        double arc = angleFromBack * 120 * scale;
        double zr = z + 0.33 * arc - ribPhase;
        double phase = ((zr % ribPitch) + ribPitch) % ribPitch;
        double half = 4.5;
        if (phase > 2 * half) {
            return MUSCLE;
        }
        boolean cartilage = angleFromBack > 2.35;
        double edge = Math.min(phase, 2 * half - phase);
        double radial = (r - 1.0) / 0.075;
        if (cartilage) {
            return 130;
        }
        return edge < 1.4 || radial < 0.22 || radial > 0.78 ? BONE : MARROW;
    }

    private double mediastinum(double x, double y, double z) {
        // trachea (above the carina), with a soft-tissue wall
        if (z > carinaZ) {
            double d = dist(x - 1, y - 8);
            if (d < 8.5) {
                return AIR;
            }
            if (d < 10.5) {
                return 20;
            }
        }
        // main bronchi: tubes from the carina to each hilum
        double bronchus = Math.min(tubeDistance(x, y, z, 1, 8, carinaZ, rightHilum[0] + 8, 8, rightHilum[2]),
                tubeDistance(x, y, z, 1, 8, carinaZ, leftHilum[0] - 8, 8, leftHilum[2]));
        if (bronchus < 6) {
            return AIR;
        }
        if (bronchus < 7.5) {
            return 20;
        }
        // descending aorta beside the spine, ascending aorta in front, arch joining them at the top
        if (dist(x - 20 * scale, y - (spineY - spineR - 4)) < 12) {
            return BLOOD + 5;
        }
        if (z < carinaZ + 28 && dist(x - 10, y + 18) < 15) {
            return BLOOD + 5;
        }
        if (z >= carinaZ + 28 && z < carinaZ + 46 && tubeDistance(x, y, z, 10, -18, carinaZ + 37, 20 * scale, spineY - spineR - 4, carinaZ + 37) < 12) {
            return BLOOD + 5;
        }
        // pulmonary trunk and arteries to the hila
        if (z < carinaZ && z > carinaZ - 40 && dist(x - 18, y + 30) < 13) {
            return BLOOD;
        }
        double pa = Math.min(tubeDistance(x, y, z, 14, -20, carinaZ - 14, rightHilum[0], rightHilum[1] - 4, rightHilum[2]),
                tubeDistance(x, y, z, 18, -20, carinaZ - 12, leftHilum[0], leftHilum[1] - 4, leftHilum[2]));
        if (pa < 9) {
            return BLOOD;
        }
        // oesophagus
        if (dist(x + 4, y - (spineY - spineR - 6)) < 7) {
            return 35;
        }
        return -90; // mediastinal fat
    }

    /** Distance from (x, y, z) to the segment a-b. */
    static double tubeDistance(double x, double y, double z, double ax, double ay, double az, double bx, double by, double bz) {
        double dx = bx - ax, dy = by - ay, dz = bz - az;
        double len2 = dx * dx + dy * dy + dz * dz;
        double t = len2 == 0 ? 0 : ((x - ax) * dx + (y - ay) * dy + (z - az) * dz) / len2;
        t = Math.max(0, Math.min(1, t));
        return StrictMath.sqrt(sq(x - ax - t * dx) + sq(y - ay - t * dy) + sq(z - az - t * dz));
    }
}

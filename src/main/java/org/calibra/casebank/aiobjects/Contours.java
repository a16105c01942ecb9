package org.calibra.casebank.aiobjects;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outline of a mask's largest connected part (4-connected pixels, so parts touching only at a corner are separate),
 * traced with marching squares on the pixel centres: a vertex lies half-way between a pixel inside and its neighbour
 * outside, so the outline runs within half a pixel of the mask's edge and never more than half a pixel outside it. Only
 * the outer boundary is kept (holes are not outlined); runs of vertices on one straight line are merged.
 */
public final class Contours {

    /**
     * @param outline    the closed outline, clockwise on screen (y down), first vertex not repeated
     * @param centroid   the mean of the part's pixel centres
     * @param pixels     the number of pixels of the part
     * @param otherParts how many other, smaller parts the mask has
     * @param members    indices (row × columns + column) of the part's pixels
     */
    public record Part(List<Point> outline, Point centroid, int pixels, int otherParts, int[] members) {}

    private Contours() {
    }

    /** The largest 4-connected part of {@code mask} ({@code rows} × {@code columns}, row by row), or null when it is empty. */
    public static Part largestPart(boolean[] mask, int rows, int columns) {
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        int parts = 0, best = 0, bestSize = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            int id = ++parts, head = 0, tail = 0;
            queue[tail++] = start;
            label[start] = id;
            while (head < tail) {
                int p = queue[head++], r = p / columns, c = p % columns;
                if (c > 0) tail = visit(mask, label, queue, tail, p - 1, id);
                if (c < columns - 1) tail = visit(mask, label, queue, tail, p + 1, id);
                if (r > 0) tail = visit(mask, label, queue, tail, p - columns, id);
                if (r < rows - 1) tail = visit(mask, label, queue, tail, p + columns, id);
            }
            if (tail > bestSize) {
                best = id;
                bestSize = tail;
            }
        }
        if (best == 0) {
            return null;
        }
        int[] members = new int[bestSize];
        int n = 0, minR = rows, maxR = -1, minC = columns, maxC = -1;
        double sx = 0, sy = 0;
        for (int p = 0; p < label.length; p++) {
            if (label[p] == best) {
                members[n++] = p;
                int r = p / columns, c = p % columns;
                minR = Math.min(minR, r);
                maxR = Math.max(maxR, r);
                minC = Math.min(minC, c);
                maxC = Math.max(maxC, c);
                sx += c + 0.5;
                sy += r + 0.5;
            }
        }
        final int bestLabel = best;
        List<Point> outline = outerBoundary((r, c) -> r >= 0 && r < rows && c >= 0 && c < columns && label[r * columns + c] == bestLabel,
                minR, maxR, minC, maxC);
        return new Part(outline, new Point(sx / n, sy / n), n, parts - 1, members);
    }

    private static int visit(boolean[] mask, int[] label, int[] queue, int tail, int p, int id) {
        if (mask[p] && label[p] == 0) {
            label[p] = id;
            queue[tail++] = p;
        }
        return tail;
    }

    @FunctionalInterface
    private interface Inside {
        boolean at(int row, int column);
    }

    /** Marching squares over the cells around the part's bounding box; the loop of largest area is the outer boundary. */
    private static List<Point> outerBoundary(Inside in, int minR, int maxR, int minC, int maxC) {
        Map<Long, long[]> links = new HashMap<>();
        for (int i = minR - 1; i <= maxR; i++) {
            for (int j = minC - 1; j <= maxC; j++) {
                boolean tl = in.at(i, j), tr = in.at(i, j + 1), br = in.at(i + 1, j + 1), bl = in.at(i + 1, j);
                long top = h(i, j), bottom = h(i + 1, j), left = v(i, j), right = v(i, j + 1);
                if (tl && br && !tr && !bl) { // saddles: the two inside corners are not connected through this cell
                    link(links, top, left);
                    link(links, right, bottom);
                    continue;
                }
                if (tr && bl && !tl && !br) {
                    link(links, top, right);
                    link(links, bottom, left);
                    continue;
                }
                List<Long> crossed = new ArrayList<>(2);
                if (tl != tr) crossed.add(top);
                if (tr != br) crossed.add(right);
                if (br != bl) crossed.add(bottom);
                if (bl != tl) crossed.add(left);
                if (crossed.size() == 2) {
                    link(links, crossed.get(0), crossed.get(1));
                }
            }
        }
        List<Point> best = List.of();
        double bestArea = -1;
        var seen = new java.util.HashSet<Long>();
        for (long start : links.keySet()) {
            if (!seen.add(start)) {
                continue;
            }
            List<Point> loop = new ArrayList<>();
            loop.add(point(start));
            long previous = start, current = links.get(start)[0];
            while (current != start && seen.add(current)) {
                loop.add(point(current));
                long[] next = links.get(current);
                long following = next[0] == previous ? next[1] : next[0];
                previous = current;
                current = following;
            }
            double area = Geometry.area(loop);
            if (area > bestArea) {
                bestArea = area;
                best = loop;
            }
        }
        List<Point> simplified = withoutCollinear(best);
        if (Geometry.signedArea(simplified) < 0) {
            simplified = simplified.reversed();
        }
        return List.copyOf(simplified);
    }

    private static void link(Map<Long, long[]> links, long a, long b) {
        add(links, a, b);
        add(links, b, a);
    }

    private static void add(Map<Long, long[]> links, long from, long to) {
        long[] l = links.computeIfAbsent(from, k -> new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
        l[l[0] == Long.MIN_VALUE ? 0 : 1] = to;
    }

    /** The crossing on the horizontal edge between pixel centres (i, j) and (i, j + 1). */
    private static long h(int i, int j) {
        return ((long) (i + 2) << 33) | ((long) (j + 2) << 1);
    }

    /** The crossing on the vertical edge between pixel centres (i, j) and (i + 1, j). */
    private static long v(int i, int j) {
        return h(i, j) | 1;
    }

    private static Point point(long key) {
        int i = (int) (key >>> 33) - 2, j = (int) ((key >>> 1) & 0xFFFFFFFFL) - 2;
        return (key & 1) == 0 ? new Point(j + 1, i + 0.5) : new Point(j + 0.5, i + 1);
    }

    private static List<Point> withoutCollinear(List<Point> loop) {
        List<Point> out = new ArrayList<>(loop);
        boolean changed = true;
        while (changed && out.size() > 3) {
            changed = false;
            for (int k = 0; k < out.size() && out.size() > 3; k++) {
                Point a = out.get((k - 1 + out.size()) % out.size()), b = out.get(k), c = out.get((k + 1) % out.size());
                if ((b.x() - a.x()) * (c.y() - b.y()) - (b.y() - a.y()) * (c.x() - b.x()) == 0) {
                    out.remove(k);
                    k--;
                    changed = true;
                }
            }
        }
        return out;
    }
}

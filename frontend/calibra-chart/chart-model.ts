// What <calibra-chart> draws, as plain data: parsing Java's JSON, colours, the rows each Plot mark gets, the margins
// that keep every label inside the SVG, and the spoken summary. Free of Lit, Plot and the DOM, so Vitest runs it in Node.

/** One curve from Java: points in data units; `scatter` = points only (e.g. other residents' operating points). */
export interface Series {
  name: string;
  points: [number, number][];
  color?: string;
  dashed?: boolean;
  scatter?: boolean;
}

/** One horizontal bar from Java: a proportion 0..1 with its optional 95% interval and a note such as "4 of 7". */
export interface Bar {
  label: string;
  value: number;
  lower?: number | null;
  upper?: number | null;
  note?: string | null;
}

/** A point of a curve as Plot's marks take it. */
export interface PointRow {
  series: string;
  x: number;
  y: number;
}

export interface CurveModel {
  lines: { series: Series; color: string; rows: PointRow[] }[];
  xDomain: [number, number];
  legend: { name: string; color: string; scatter: boolean; dashed: boolean }[];
  pointCount: number;
}

export interface BarRow {
  label: string;
  value: number;
  lower: number | null;
  upper: number | null;
  /** the value written at the right above the bar, e.g. "62% (4 of 7)" */
  valueText: string;
  /** label and value in one sentence, for the spoken summary */
  text: string;
}

/**
 * Line colours (Okabe–Ito, darkened where needed) that keep at least 3:1 against white, as WCAG 1.4.11 asks of
 * graphics; other residents' points are a dark grey so "you" stays the first colour.
 */
export const PALETTE = ['#0072B2', '#B84A00', '#007A5A', '#8E3B8E'];
export const OTHERS_GREY = '#595959';
/** the chance diagonal: grey at 4.5:1, dashed so it never reads as a curve */
export const CHANCE_GREY = '#6B6B6B';
/** text and axes */
export const INK = '#1F1F1F';

/** Reads Java's JSON property; anything malformed draws an empty chart rather than breaking the page. */
export function parseSeries(json: string | null | undefined): Series[] {
  const v = safeJson(json);
  if (!Array.isArray(v)) return [];
  return (v as Partial<Series>[]).filter((s): s is Series => !!s && typeof s.name === 'string' && Array.isArray(s.points))
    .map((s) => ({ ...s, points: s.points.filter(isFinitePair) }));
}

export function parseBars(json: string | null | undefined): Bar[] {
  const v = safeJson(json);
  if (!Array.isArray(v)) return [];
  return (v as Partial<Bar>[]).filter((b): b is Bar => !!b && typeof b.label === 'string' && Number.isFinite(b.value));
}

function safeJson(json: string | null | undefined): unknown {
  try {
    return JSON.parse(json || '[]');
  } catch {
    return [];
  }
}

function isFinitePair(p: unknown): p is [number, number] {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** Curves and scatters as rows per mark; the x domain reaches the largest point when Java's xMax is too small. */
export function curveModel(series: Series[], xMax: number): CurveModel {
  let colourIndex = 0;
  const lines = series.map((s) => {
    const color = s.color ?? (s.scatter ? OTHERS_GREY : PALETTE[colourIndex++ % PALETTE.length]);
    return { series: s, color, rows: s.points.map(([x, y]) => ({ series: s.name, x, y })) };
  });
  const largest = Math.max(0, ...lines.flatMap((l) => l.rows.map((r) => r.x)));
  const top = Math.max(xMax > 0 ? xMax : 1, largest);
  return {
    lines,
    xDomain: [0, top],
    legend: lines.map((l) => ({ name: l.series.name, color: l.color, scatter: !!l.series.scatter, dashed: !!l.series.dashed })),
    pointCount: lines.reduce((n, l) => n + l.rows.length, 0),
  };
}

export function percent(v: number): string {
  return `${Math.round(v * 100)}%`;
}

/** Bars clamped to 0..1, each with the words written above it. */
export function barRows(bars: Bar[]): BarRow[] {
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  return bars.map((b) => {
    const hasInterval = b.lower != null && b.upper != null && Number.isFinite(b.lower) && Number.isFinite(b.upper);
    return {
      label: b.label,
      value: clamp(b.value),
      lower: hasInterval ? clamp(b.lower as number) : null,
      upper: hasInterval ? clamp(b.upper as number) : null,
      valueText: `${percent(b.value)}${b.note ? ` (${b.note})` : ''}`,
      text: `${b.label}: ${percent(b.value)}${b.note ? ` (${b.note})` : ''}`,
    };
  });
}

/** Rough width of a label in pixels (system-ui averages about 0.6 em a character); generous on purpose. */
export function textWidth(text: string, fontPx: number): number {
  return Math.ceil(text.length * fontPx * 0.6);
}

/** Space around the frame for tick labels and axis titles, so nothing reaches the SVG's edge at any width. */
export function curveMargins(yTicks: string[], fontPx: number) {
  const tickLabels = Math.max(0, ...yTicks.map((t) => textWidth(t, fontPx)));
  return {
    // tick (6) + gap (3) + tick labels + gap + the rotated title's line
    marginLeft: 6 + 3 + tickLabels + 8 + fontPx + 6,
    marginBottom: 6 + 3 + fontPx + 8 + fontPx + 6,
    marginTop: Math.ceil(fontPx / 2) + 8,
    // half of the last x tick label hangs past the frame
    marginRight: Math.ceil(textWidth('0.00', fontPx) / 2) + 6,
  };
}

/** The x axis titles' offsets from the frame (Plot measures them from the frame's edge). */
export function labelOffsets(m: ReturnType<typeof curveMargins>, fontPx: number) {
  return { x: m.marginBottom - 6, y: m.marginLeft - fontPx / 2 - 4 };
}

/** Plot's text `lineWidth` (in ems) for a line of `width` pixels, with room for Plot's estimate of glyph widths to err. */
export function emsThatFit(width: number, fontPx: number): number {
  return Math.max(4, Math.floor(width / fontPx));
}

/** Spoken summary of a curve chart, for the figure's aria-label (the table below holds the numbers). */
export function curveSummary(caption: string, xTitle: string, yTitle: string, model: CurveModel, diagonal: boolean): string {
  const parts = model.lines.map((l) => `${l.series.name}: ${l.rows.length} ${l.rows.length === 1 ? 'point' : 'points'}`
    + (l.series.scatter || l.rows.length === 1 ? '' : ` from (${fmt(l.rows[0]?.x)}, ${fmt(l.rows[0]?.y)}) to (${fmt(l.rows.at(-1)?.x)}, ${fmt(l.rows.at(-1)?.y)})`));
  return [caption, `${yTitle} against ${xTitle}`, parts.join('; '), diagonal ? 'the dashed diagonal is chance' : '']
    .filter((s) => s).join('. ') + '.';
}

export function barSummary(caption: string, rows: BarRow[]): string {
  return [caption, rows.map((r) => r.text).join('; ')].filter((s) => s).join('. ') + '.';
}

function fmt(v: number | undefined): string {
  return v == null ? '' : String(+v.toFixed(2));
}

/** WCAG relative-luminance contrast of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

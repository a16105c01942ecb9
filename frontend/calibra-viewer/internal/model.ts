// Data shapes of the Java <-> element contract and defensive JSON parsing.
// Java sends JSON strings; a bad or empty string must never break the viewer,
// so every parser returns a (possibly empty) list and drops malformed entries.

import type { HeatmapRef } from './heatmap.js';
import type { Pt } from './polygon.js';
import type { ShapeKind } from './shapes.js';

/** hit = the lesion's counting mark; duplicate = another mark on an already-hit lesion (not counted). */
export type MarkStatus = 'hit' | 'duplicate' | 'false-positive' | null;

/** `url`: the Part 10 file; `wadoRs` and `metadata`: its WADO-RS frame and series metadata URLs when served over DICOMweb. */
export interface ImageRef { url: string; frame: number; wadoRs?: string; metadata?: string }
/** point = a click; ellipse and box = dragged, with full extents width × height (image pixels). */
export type MarkShape = 'point' | 'ellipse' | 'box';
export const MARK_SHAPES: readonly MarkShape[] = ['point', 'ellipse', 'box'];

/** x, y are the centre; width and height are 0 for a point. */
export interface Mark {
  id: string; imageIndex: number; x: number; y: number;
  shape: MarkShape; width: number; height: number;
  label: string; confidence: number | null; selected: boolean; status: MarkStatus;
}
export interface AiMark {
  id: string; imageIndex: number; x: number; y: number;
  label: string; probability: number | null; status: MarkStatus;
}
export interface TruthLesion {
  id: string; imageIndex: number; x: number; y: number;
  radius: number; label: string; detected: boolean;
  /** the run of images the lesion shows on (a nodule's slices); both equal imageIndex for a 2D finding */
  firstImage: number; lastImage: number;
  /**
   * Its outline when it has one (shapes.ts, the authored shape JSON); absent or 'point': the circle of `radius`.
   * width × height: extent of an ellipse or box; points: polygon on imageIndex; contours: polygons on other images.
   */
  shape?: ShapeKind; width?: number; height?: number; points?: Pt[]; contours?: Record<string, Pt[]>;
}

export type Obj = Record<string, unknown>;

export function parseArray(json: string | null | undefined): Obj[] {
  if (!json || !json.trim()) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter((v): v is Obj => typeof v === 'object' && v !== null)
      : [];
  } catch {
    console.warn('[calibra-viewer] ignoring invalid JSON', json.slice(0, 80));
    return [];
  }
}

export const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v)
    : null;
export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const shape = (v: unknown): MarkShape => (v === 'ellipse' || v === 'box' ? v : 'point');
const status = (v: unknown): MarkStatus => (v === 'hit' || v === 'duplicate' || v === 'false-positive' ? v : null);

/** Shared fields of anything placed on an image; null when unusable. */
function placed(o: Obj): { id: string; imageIndex: number; x: number; y: number } | null {
  const imageIndex = num(o.imageIndex);
  const x = num(o.x);
  const y = num(o.y);
  if (imageIndex === null || x === null || y === null) return null;
  return { id: str(o.id), imageIndex: Math.trunc(imageIndex), x, y };
}

export const notNull = <T>(v: T | null): v is T => v !== null;

/** Points as `[[x, y], …]` (or `[{x, y}, …]`); unusable entries dropped. */
export function parsePoints(v: unknown): Pt[] {
  if (!Array.isArray(v)) return [];
  return v.map((p): Pt | null => {
    const o = (Array.isArray(p) ? { x: p[0], y: p[1] } : p) as Obj | null;
    const x = o && typeof o === 'object' ? num(o.x) : null;
    const y = o && typeof o === 'object' ? num(o.y) : null;
    return x !== null && y !== null ? [x, y] : null;
  }).filter(notNull);
}

/** Contours per image: `{"<imageIndex>": [[x, y], …]}`, only those with ≥ 3 points. */
export function parseContours(v: unknown): Record<string, Pt[]> {
  const contours: Record<string, Pt[]> = {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) return contours;
  for (const [key, value] of Object.entries(v as Obj)) {
    const k = num(key);
    const pts = parsePoints(value);
    if (k !== null && Number.isInteger(k) && k >= 0 && pts.length >= 3) contours[String(k)] = pts;
  }
  return contours;
}

export function parseImages(json: string | null | undefined): ImageRef[] {
  return parseArray(json)
    .map((o) => (typeof o.url === 'string' && o.url
      ? {
        url: o.url, frame: Math.max(0, Math.trunc(num(o.frame) ?? 0)),
        ...(typeof o.wadoRs === 'string' && o.wadoRs && typeof o.metadata === 'string' && o.metadata
          ? { wadoRs: o.wadoRs, metadata: o.metadata } : {}),
      } : null))
    .filter(notNull);
}

export function parseMarks(json: string | null | undefined): Mark[] {
  return parseArray(json).map((o) => {
    const p = placed(o);
    if (!p) return null;
    const s = shape(o.shape);
    const extent = (v: unknown) => (s === 'point' ? 0 : Math.max(0, num(v) ?? 0));
    return { ...p, shape: s, width: extent(o.width), height: extent(o.height), label: str(o.label),
      confidence: num(o.confidence), selected: o.selected === true, status: status(o.status) };
  }).filter(notNull);
}

export function parseAiMarks(json: string | null | undefined): AiMark[] {
  return parseArray(json).map((o) => {
    const p = placed(o);
    return p && { ...p, label: str(o.label), probability: num(o.probability), status: status(o.status) };
  }).filter(notNull);
}

export function parseTruth(json: string | null | undefined): TruthLesion[] {
  return parseArray(json).map((o) => {
    const p = placed(o);
    if (!p) return null;
    const first = num(o.firstImage);
    const last = num(o.lastImage);
    const lesion: TruthLesion = { ...p, radius: Math.max(0, num(o.radius) ?? 0), label: str(o.label), detected: o.detected === true,
      firstImage: first !== null && first <= p.imageIndex ? Math.trunc(first) : p.imageIndex,
      lastImage: last !== null && last >= p.imageIndex ? Math.trunc(last) : p.imageIndex };
    return withOutline(lesion, o);
  }).filter(notNull);
}

/** The outline fields of a truth lesion, when the JSON describes a usable ellipse, box or polygon. */
function withOutline(lesion: TruthLesion, o: Obj): TruthLesion {
  const width = Math.max(0, num(o.width) ?? 0);
  const height = Math.max(0, num(o.height) ?? 0);
  const points = parsePoints(o.points);
  const contours = parseContours(o.contours);
  delete contours[String(lesion.imageIndex)];
  const shape = o.shape === 'polygon' && points.length >= 3 ? 'polygon'
    : (o.shape === 'ellipse' || o.shape === 'box') && width > 0 && height > 0 ? o.shape : null;
  if (!shape && !Object.keys(contours).length) return lesion;
  return { ...lesion, shape: shape ?? 'point', width, height, points: shape === 'polygon' ? points : [], contours };
}

export function parseHeatmaps(json: string | null | undefined): HeatmapRef[] {
  return parseArray(json).map((o) => {
    const imageIndex = num(o.imageIndex);
    return imageIndex !== null && typeof o.url === 'string' && o.url
      ? { imageIndex: Math.trunc(imageIndex), url: o.url } : null;
  }).filter(notNull);
}

/** A JSON list of image indices (`[0, 3, 7]`); anything else in it is dropped. */
export function parseImageIndices(json: string | null | undefined): number[] {
  if (!json || !json.trim()) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(num).filter((n): n is number => n !== null && Number.isInteger(n) && n >= 0) : [];
  } catch {
    console.warn('[calibra-viewer] ignoring invalid JSON', json.slice(0, 80));
    return [];
  }
}

import { describe, expect, it } from 'vitest';
import {
  CHANCE_GREY, INK, OTHERS_GREY, PALETTE, barRows, barSummary, contrast, curveMargins, curveModel, curveSummary, emsThatFit,
  labelOffsets, parseBars, parseSeries, textWidth,
} from './chart-model';

describe('parsing what Java sends', () => {
  it('keeps well-formed series and drops points that are not two finite numbers', () => {
    const s = parseSeries(JSON.stringify([
      { name: 'you', points: [[0, 0], [0.2, 'x'], [0.5, 0.8], [null, 1]] },
      { points: [[0, 0]] },
    ]));
    expect(s).toHaveLength(1);
    expect(s[0].points).toEqual([[0, 0], [0.5, 0.8]]);
  });

  it('draws nothing rather than failing on broken JSON or a non-array', () => {
    expect(parseSeries('{not json')).toEqual([]);
    expect(parseSeries('{"name":"you"}')).toEqual([]);
    expect(parseBars('')).toEqual([]);
    expect(parseBars(JSON.stringify([{ label: 'ok', value: 0.5 }, { label: 'no value' }, { value: 1 }]))).toHaveLength(1);
  });
});

describe('curves', () => {
  const series = parseSeries(JSON.stringify([
    { name: 'other residents', points: [[0.1, 0.8], [0.3, 0.9]], scatter: true },
    { name: 'you', points: [[0.2, 0.9]] },
    { name: 'last month', points: [[0, 0], [0.5, 0.7], [1, 1]], dashed: true },
  ]));

  it('gives a row per point, grey to other residents and the palette in order to the rest', () => {
    const m = curveModel(series, 1);
    expect(m.pointCount).toBe(6);
    expect(m.lines.map((l) => l.rows.length)).toEqual([2, 1, 3]);
    expect(m.lines[1].rows[0]).toEqual({ series: 'you', x: 0.2, y: 0.9 });
    expect(m.legend).toEqual([
      { name: 'other residents', color: OTHERS_GREY, scatter: true, dashed: false },
      { name: 'you', color: PALETTE[0], scatter: false, dashed: false },
      { name: 'last month', color: PALETTE[1], scatter: false, dashed: true },
    ]);
  });

  it("widens the x axis to the largest point when Java's maximum is too small", () => {
    const froc = parseSeries(JSON.stringify([{ name: 'you', points: [[0, 0], [2.7, 1]] }]));
    expect(curveModel(froc, 2).xDomain).toEqual([0, 2.7]);
    expect(curveModel(froc, 3).xDomain).toEqual([0, 3]);
    expect(curveModel([], 0).xDomain).toEqual([0, 1]);
  });

  it('summarises the chart for screen readers: caption, axes, each series and the chance line', () => {
    const text = curveSummary('ROC: your calls', 'False-positive fraction', 'True-positive fraction', curveModel(series, 1), true);
    expect(text).toBe('ROC: your calls. True-positive fraction against False-positive fraction. other residents: 2 points; '
      + 'you: 1 point; last month: 3 points from (0, 0) to (1, 1). the dashed diagonal is chance.');
  });
});

describe('bars', () => {
  it('clamps to 0..1, keeps an interval only when both ends are there, and writes value and note', () => {
    const rows = barRows(parseBars(JSON.stringify([
      { label: 'Asked for the AI', value: 0.625, lower: 0.31, upper: 0.86, note: '5 of 8' },
      { label: 'Over', value: 1.2, lower: 0.9, upper: null },
    ])));
    expect(rows[0]).toEqual({ label: 'Asked for the AI', value: 0.625, lower: 0.31, upper: 0.86, valueText: '63% (5 of 8)',
      text: 'Asked for the AI: 63% (5 of 8)' });
    expect(rows[1]).toMatchObject({ value: 1, lower: null, upper: null, valueText: '120%' });
    expect(barSummary('Reliance', rows)).toBe('Reliance. Asked for the AI: 63% (5 of 8); Over: 120%.');
  });
});

describe('layout', () => {
  it('leaves room left of the frame for tick labels and the rotated axis title, and below for the x title', () => {
    const m = curveMargins(['0.0', '1.0'], 12);
    expect(m.marginLeft).toBeGreaterThanOrEqual(textWidth('0.0', 12) + 6 + 12);
    expect(m.marginBottom).toBeGreaterThanOrEqual(2 * 12 + 6);
    const o = labelOffsets(m, 12);
    expect(o.y).toBeLessThan(m.marginLeft);
    expect(o.x).toBeLessThan(m.marginBottom);
  });

  it('fits a label in the ems Plot counts, never fewer than four', () => {
    expect(emsThatFit(240, 12)).toBe(20);
    expect(emsThatFit(10, 12)).toBe(4);
  });
});

describe('colours', () => {
  it('draws lines at 3:1 or more against white and text at 4.5:1 or more (WCAG AA)', () => {
    for (const c of [...PALETTE, OTHERS_GREY, CHANCE_GREY]) expect(contrast(c, '#FFFFFF')).toBeGreaterThanOrEqual(3);
    expect(contrast(INK, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
  });
});

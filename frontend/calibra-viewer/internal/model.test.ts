import { describe, expect, it, vi } from 'vitest';
import { parseAiMarks, parseHeatmaps, parseImages, parseMarks, parseTruth } from './model.js';

describe('the Java contract: defensive parsing', () => {
  it('reads nothing from empty, invalid or non-list JSON', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const json of ['', '  ', null, undefined, '{', '{"a":1}', '42']) {
      expect(parseMarks(json)).toEqual([]);
      expect(parseImages(json)).toEqual([]);
    }
    warn.mockRestore();
  });

  it('reads images with 0-based frames and DICOMweb links only when both are there', () => {
    expect(parseImages(JSON.stringify([
      { url: '/files/dicom/a', frame: 2.7, wadoRs: '/dicomweb/f', metadata: '/dicomweb/m' },
      { url: '/files/dicom/b', frame: -3, wadoRs: '/dicomweb/f' },
      { url: '' }, { frame: 1 }, 'text',
    ]))).toEqual([
      { url: '/files/dicom/a', frame: 2, wadoRs: '/dicomweb/f', metadata: '/dicomweb/m' },
      { url: '/files/dicom/b', frame: 0 },
    ]);
  });

  it('reads marks as Java sends them: selection, status, shape and extents', () => {
    const marks = parseMarks(JSON.stringify([
      { id: 'm1', imageIndex: 2, x: 10.5, y: '20', shape: 'ellipse', width: 8, height: -1, label: 'nodule', confidence: 4,
        selected: true, status: 'hit' },
      { id: 'm2', imageIndex: 0, x: 1, y: 2, shape: 'star', width: 5, height: 5, confidence: null, selected: 'yes', status: 'maybe' },
      { id: 'broken', imageIndex: 0, x: 'left', y: 2 },
    ]));
    expect(marks).toEqual([
      { id: 'm1', imageIndex: 2, x: 10.5, y: 20, shape: 'ellipse', width: 8, height: 0, label: 'nodule', confidence: 4,
        selected: true, status: 'hit' },
      { id: 'm2', imageIndex: 0, x: 1, y: 2, shape: 'point', width: 0, height: 0, label: '', confidence: null,
        selected: false, status: null },
    ]);
  });

  it('follows Java\'s list: a mark added, another selected, one deleted', () => {
    const m = (id: string, selected = false) => ({ id, imageIndex: 0, x: 1, y: 1, selected });
    expect(parseMarks(JSON.stringify([m('a')])).map((x) => x.id)).toEqual(['a']);
    expect(parseMarks(JSON.stringify([m('a'), m('b', true)])).filter((x) => x.selected).map((x) => x.id)).toEqual(['b']);
    expect(parseMarks(JSON.stringify([m('b', true)])).map((x) => x.id)).toEqual(['b']);
  });

  it('reads the AI\'s marks with their probability and result', () => {
    expect(parseAiMarks(JSON.stringify([{ id: 'ai1', imageIndex: 1, x: 3, y: 4, label: 'mass', probability: 0.72, status: 'false-positive' }])))
      .toEqual([{ id: 'ai1', imageIndex: 1, x: 3, y: 4, label: 'mass', probability: 0.72, status: 'false-positive' }]);
  });

  it('reads truth with its run of images, never outside the centre image', () => {
    const [a, b] = parseTruth(JSON.stringify([
      { id: 't1', imageIndex: 5, x: 1, y: 2, radius: 3, label: 'nodule', detected: true, firstImage: 3, lastImage: 8 },
      { id: 't2', imageIndex: 5, x: 1, y: 2, radius: -3, detected: 'no', firstImage: 6, lastImage: 4 },
    ]));
    expect(a).toMatchObject({ radius: 3, detected: true, firstImage: 3, lastImage: 8 });
    expect(b).toMatchObject({ radius: 0, detected: false, label: '', firstImage: 5, lastImage: 5 });
  });

  it('reads heatmaps per image', () => {
    expect(parseHeatmaps(JSON.stringify([{ imageIndex: '1', url: '/files/heatmap/x' }, { imageIndex: 2 }])))
      .toEqual([{ imageIndex: 1, url: '/files/heatmap/x' }]);
  });
});

describe('truth lesions with outlines', () => {
  it('reads the outline fields of the shape JSON, and keeps lesions without them as circles', () => {
    const [poly, box, old, broken] = parseTruth(JSON.stringify([
      { id: 'p', imageIndex: 2, x: 5, y: 5, radius: 4, shape: 'polygon', points: [[0, 0], [10, 0], [0, 10]],
        contours: { 3: [[0, 0], [5, 0], [0, 5]], 2: [[1, 1], [2, 2], [3, 1]] }, firstImage: 2, lastImage: 3 },
      { id: 'b', imageIndex: 0, x: 5, y: 5, radius: 4, shape: 'box', width: 6, height: 4 },
      { id: 'o', imageIndex: 0, x: 5, y: 5, radius: 4 },
      { id: 'x', imageIndex: 0, x: 5, y: 5, radius: 4, shape: 'polygon', points: [[0, 0], [1, 1]] },
    ]));
    expect(poly).toMatchObject({ shape: 'polygon', points: [[0, 0], [10, 0], [0, 10]], contours: { 3: [[0, 0], [5, 0], [0, 5]] } });
    expect(Object.keys(poly.contours!)).toEqual(['3']);
    expect(box).toMatchObject({ shape: 'box', width: 6, height: 4 });
    expect(old.shape).toBeUndefined();
    expect(broken.shape).toBeUndefined(); // two points are no outline: the circle stays
  });
});

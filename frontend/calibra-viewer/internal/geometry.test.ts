import { describe, expect, it, vi } from 'vitest';
import { describeError, failureMessage } from './errors.js';
import { heatAlpha, viridis } from './heatmap.js';
import { toImageId, transportOf } from './image-ids.js';
import { axialPlanes } from './test-fakes.js';
import { mightBeVolume, nearestSlice, volumeGeometry } from './volume-geometry.js';
import type { VolumeGeometry } from './volume-geometry.js';

describe('volumes for MPR', () => {
  it('accepts evenly spaced slices of one series, in any order', () => {
    const planes = axialPlanes(5, 2.5).reverse();
    const g = volumeGeometry(planes) as VolumeGeometry;
    expect(g.normal).toEqual([0, 0, 1]);
    expect(g.spacing).toBeCloseTo(2.5);
    expect(g.distances).toEqual([10, 7.5, 5, 2.5, 0]);
  });

  it('names what keeps a stack from being a volume', () => {
    const base = axialPlanes(4);
    expect(volumeGeometry(base.slice(0, 2))).toBe('only 2 image(s)');
    expect(volumeGeometry([...base.slice(0, 3), null])).toBe('an image has no plane geometry');
    expect(volumeGeometry(base.map((p, i) => (i === 2 ? { ...p, seriesUid: '9' } : p)))).toBe('more than one series');
    expect(volumeGeometry(base.map((p, i) => (i === 2 ? { ...p, rows: 10 } : p)))).toBe('images of different sizes');
    expect(volumeGeometry(base.map((p, i) => (i === 2 ? { ...p, frames: 3 } : p)))).toBe('multi-frame images');
    expect(volumeGeometry(base.map((p, i) => (i === 3 ? { ...p, position: [0, 0, 9] } : p)))).toBe('uneven slice spacing');
    expect(volumeGeometry(base.map((p, i) => ({ ...p, position: [i * 1.5, 0, i * 2.5] })))).toBe('slices are not stacked along the normal');
    expect(volumeGeometry(base.map((p, i) => (i === 1 ? { ...p, orientation: [0, 1, 0, 1, 0, 0] } : p)))).toBe('different orientations');
  });

  it('finds the acquired slice nearest to a point', () => {
    const g = volumeGeometry(axialPlanes(4, 2.5)) as VolumeGeometry;
    expect([nearestSlice(g, [0, 0, -3]), nearestSlice(g, [9, 9, 3.6]), nearestSlice(g, [0, 0, 100])]).toEqual([0, 1, 3]);
  });

  it('only reads headers of stacks of single-frame files', () => {
    const files = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `/f/${i}`, frame: 0 }));
    expect(mightBeVolume(files(3))).toBe(true);
    expect(mightBeVolume(files(2))).toBe(false);
    expect(mightBeVolume([{ url: '/f', frame: 0 }, { url: '/f', frame: 1 }, { url: '/f', frame: 2 }])).toBe(false);
    expect(mightBeVolume([...files(3), { url: '/f/0', frame: 0 }])).toBe(false);
  });
});

describe('image ids', () => {
  it('makes absolute wadouri ids with 1-based frames', () => {
    expect(toImageId('/files/dicom/abc', 0, 'http://calibra.test/reading/7')).toBe('wadouri:http://calibra.test/files/dicom/abc?frame=1');
    expect(toImageId('/files/x?v=2', 3, 'http://calibra.test/')).toBe('wadouri:http://calibra.test/files/x?v=2&frame=4');
    expect(toImageId('x', -2.5, 'http://calibra.test/a/')).toBe('wadouri:http://calibra.test/a/x?frame=1');
  });

  it('names the transport of a stack', () => {
    expect(transportOf(['wadors:a', 'wadors:b'])).toBe('wadors');
    expect(transportOf(['wadors:a', 'wadouri:b'])).toBe('mixed');
    expect(transportOf(['wadouri:a'])).toBe('wadouri');
  });
});

describe('error messages', () => {
  it('says in words what failed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(describeError({ status: 404, statusText: 'Not Found' })).toBe('HTTP 404 Not Found');
    expect(describeError({ status: 0 })).toBe('network error');
    expect(describeError(new Error('Invalid DICOM file'))).toBe('not a readable DICOM image');
    expect(describeError('failed wadouri:http://x/y?frame=1')).toBe('failed the image');
    expect(describeError({ error: new Error('inner') })).toBe('inner');
    warn.mockRestore();
  });

  it('names the image that failed, or the viewer', () => {
    expect(failureMessage(1, 3, 'HTTP 404')).toBe('Could not load image 2 of 3: HTTP 404');
    expect(failureMessage(-1, 3, 'no WebGL')).toBe('Could not load the viewer: no WebGL');
    expect(failureMessage(0, 0, 'x')).toBe('Could not load the viewer: x');
  });
});

describe('heatmap colours', () => {
  it('runs from viridis\' dark violet to its yellow', () => {
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
    expect(viridis(2)).toEqual([253, 231, 37]);
  });

  it('keeps 0 transparent and fades low values in', () => {
    expect(heatAlpha(0)).toBe(0);
    expect(heatAlpha(1)).toBeGreaterThan(60);
    expect(heatAlpha(255)).toBe(255);
  });
});

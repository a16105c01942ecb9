import { describe, expect, it } from 'vitest';
import { OVERLAY_CSS, keyImageSize, svgDataUrl, svgDocument } from './key-image.js';

describe('key image composition', () => {
  it('keeps the canvas\'s own pixels and scales the overlay\'s CSS px onto them', () => {
    expect(keyImageSize({ width: 2000, height: 1400 }, { width: 1000, height: 700 })).toEqual({ width: 2000, height: 1400, scale: 2 });
    expect(keyImageSize({ width: 800, height: 600 }, { width: 800, height: 600 })?.scale).toBe(1);
  });

  it('captures nothing before the viewer is laid out', () => {
    expect(keyImageSize({ width: 0, height: 0 }, { width: 800, height: 600 })).toBeNull();
    expect(keyImageSize({ width: 300, height: 150 }, { width: 0, height: 0 })).toBeNull();
  });

  it('makes a stand-alone SVG of an overlay layer, with the text style the shadow root would have given it', () => {
    const doc = svgDocument('<circle cx="1" cy="2" r="3"/>', 1000, 700);
    expect(doc).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="700" viewBox="0 0 1000 700">'
      + `<style>${OVERLAY_CSS}</style><circle cx="1" cy="2" r="3"/></svg>`);
    expect(OVERLAY_CSS).toContain('paint-order: stroke');
  });

  it('encodes the SVG as a data URL an <img> can load', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><text>a # b & c</text></svg>');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[#<> ]/);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toContain('a # b & c');
  });
});

// The viewer's structure as tests: Cornerstone stays in internal/cornerstone-*.ts, and the controllers stay
// framework-free (no Lit, no Cornerstone at run time), so they run in Node and in these tests.
/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('.', import.meta.url));
const sources = [
  'calibra-viewer.ts',
  ...readdirSync(`${root}internal`).filter((f) => f.endsWith('.ts')).map((f) => `internal/${f}`),
].filter((f) => !f.endsWith('.test.ts'));
/** module specifiers a file imports at run time (`import type` is erased) */
const runtimeImports = (file: string) => [...readFileSync(`${root}${file}`, 'utf8')
  .matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
const allImports = (file: string) => [...readFileSync(`${root}${file}`, 'utf8')
  .matchAll(/^import\s+[^'"]*?from\s+'([^']+)'/gms)].map((m) => m[1]);

describe('viewer structure', () => {
  it('imports Cornerstone only in internal/cornerstone-*.ts', () => {
    const importers = sources.filter((f) => allImports(f).some((m) => m.startsWith('@cornerstonejs/')));
    expect(importers.length).toBeGreaterThan(0);
    for (const f of importers) expect(f).toMatch(/^internal\/cornerstone-[a-z-]+\.ts$/);
  });

  it('keeps the controllers free of Lit and Cornerstone', () => {
    const controllers = ['viewer-controller', 'stack-controller', 'mpr-session', 'findings', 'tools', 'display', 'cine',
      'keyboard', 'lifecycle', 'overlay', 'model', 'presets', 'shortcuts', 'volume-geometry', 'ports',
      'authoring', 'author-gestures', 'shapes', 'shape-layout', 'polygon', 'history', 'key-image'];
    for (const name of controllers) {
      const imports = runtimeImports(`internal/${name}.ts`);
      expect(imports.filter((m) => m === 'lit' || m.startsWith('lit/') || m.startsWith('@cornerstonejs/')
        || m.startsWith('./cornerstone-') || m === './toolbar.js' || m === './draw.js'), name).toEqual([]);
    }
  });

  it('leaves Cornerstone to the element\'s wiring: only the element imports the cornerstone modules', () => {
    for (const f of sources.filter((s) => !s.startsWith('internal/cornerstone-') && s !== 'calibra-viewer.ts')) {
      expect(runtimeImports(f).filter((m) => m.startsWith('./cornerstone-')), f).toEqual([]);
    }
  });

  it('keeps the element thin: its logic lives in the controllers', () => {
    expect(readFileSync(`${root}calibra-viewer.ts`, 'utf8').split('\n').length).toBeLessThan(300);
  });
});

// Unit tests of the front end (frontend/**/*.test.ts): plain TypeScript in Node, no browser, no Cornerstone.
// A config of its own, so Vitest never loads Vaadin's vite.config.ts. `./calibra test` runs them in Maven's
// test phase (scripts/frontend-tests.sh); `scripts/frontend-tests.sh watch` while working on the viewer.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['frontend/**/*.test.ts'],
    exclude: ['frontend/generated/**', 'node_modules/**'],
    environment: 'node',
    // console output only for failing tests (the viewer logs why a stack is no volume, and the like)
    silent: 'passed-only',
  },
});

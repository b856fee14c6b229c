import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests start local fake platforms and child processes; give them room on a
    // shared two-core machine without letting a hung test block CI forever.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});

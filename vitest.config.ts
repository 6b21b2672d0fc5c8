// Test settings: every test/**/*.test.ts; the CLI and fixture tests start real processes, hence the timeouts.
// PYTS_TEST_REPORT=FILE adds vitest's JSON report in FILE (.ci/run sums it into `N passed, N failed`).
import { defineConfig } from 'vitest/config';

const reportFile = process.env.PYTS_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/shared-suites-present.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: reportFile ? ['default', ['json', { outputFile: reportFile }]] : ['default'],
  },
});

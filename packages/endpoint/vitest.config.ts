import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@pcmig/source'] },
  ssr: { resolve: { conditions: ['@pcmig/source'], externalConditions: ['@pcmig/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Dates in the emulator's realm follow the process zone, as Apps Script's follow the script's.
    env: { TZ: 'Asia/Ho_Chi_Minh' },
  },
});

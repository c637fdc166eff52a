import { defineConfig } from "vitest/config";

// `npm run test:differential`: Sluice against the real Gravitee gateway (test/differential/). Needs
// a JDK 21+ and Maven, not the brokers; kept out of the plain `npm test` run.
export default defineConfig({
  test: {
    include: ["test/differential/**/*.test.ts"],
    pool: "forks",
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});

import { defineConfig } from "vitest/config";

// One run for everything. Brokers (Kafka, Mosquitto, RabbitMQ) are started once per run by the
// global setup, never once per file. `SLUICE_BROKERS=skip npx vitest run test/check` skips them
// for quick runs of tests that need none.
export default defineConfig({
  test: {
    // One gateway process per test (SLUICE_WORKERS=1), whatever the cores: the suite starts many
    // gateways on a small CI machine. test/runtime/workers.test.ts asks for workers itself.
    env: { SLUICE_WORKERS: "1" },
    include: ["test/**/*.test.ts"],
    // Needs the JVM and Gravitee's gateway: `npm run test:differential` (vitest.differential.config.ts).
    exclude: ["test/differential/**", "**/node_modules/**"],
    globalSetup: process.env.SLUICE_BROKERS === "skip" ? [] : ["test/setup/brokers.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

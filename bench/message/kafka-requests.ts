// Loaded into a server of the message bench with `node --import` (bench/message.ts
// --count-requests): counts the Kafka requests the process sends, per API, from
// @platformatic/kafka's diagnostics channel (one `start` per request written to a broker), and on
// SIGUSR2 writes the counts so far into `kafka-requests-<pid>.json` in the directory
// SLUICE_BENCH_KAFKA_COUNTS names (JSON: API name → requests). Deterministic where the CPU figures are not: what the broker was asked, per delivery.
import { tracingChannel } from "node:diagnostics_channel";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** Kafka's API keys, the ones a consumer or producer sends. */
const API: Record<number, string> = {
  0: "Produce",
  1: "Fetch",
  2: "ListOffsets",
  3: "Metadata",
  8: "OffsetCommit",
  9: "OffsetFetch",
  10: "FindCoordinator",
  11: "JoinGroup",
  12: "Heartbeat",
  13: "LeaveGroup",
  14: "SyncGroup",
  18: "ApiVersions",
};

const counts: Record<string, number> = {};
tracingChannel("plt:kafka:connections:api").start.subscribe((context) => {
  const apiKey = (context as { apiKey?: number }).apiKey;
  if (apiKey === undefined) return;
  const name = API[apiKey] ?? `api${apiKey}`;
  counts[name] = (counts[name] ?? 0) + 1;
});

const dir = process.env.SLUICE_BENCH_KAFKA_COUNTS;
if (dir) {
  process.on("SIGUSR2", () =>
    writeFileSync(join(dir, `kafka-requests-${process.pid}.json`), JSON.stringify(counts)),
  );
}

// Redis client choice by measurement: node-redis vs ioredis running the counter script
// (runtime/policies/lib/counter-script.ts) against the same Redis, in one run.
//
//   node bench/redis-clients.ts [--url redis://127.0.0.1:6379/0] [--ops 20000] [--rounds 5]
//
// Per round and client (alternating, a fresh connection each): `latency` sends OPS/4 script calls
// one after the other (each awaited: the shape of one request waiting for its counter) and reports
// p50/p99 round trips; `throughput` keeps 64 calls in flight until OPS calls have answered (many
// requests at once, the clients pipeline them on one connection). Both use EVALSHA with the script
// loaded once. Figures are medians over the rounds; Redis shares the machine's cores with the client.
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { COUNTER_SCRIPT } from "../runtime/policies/lib/counter-script.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "redis://127.0.0.1:6379/0" },
    ops: { type: "string", default: "20000" },
    rounds: { type: "string", default: "5" },
  },
});
const url = values.url;
const ops = Number(values.ops);
const rounds = Number(values.rounds);
const sha = createHash("sha1").update(COUNTER_SCRIPT).digest("hex");

type Call = (key: string) => Promise<unknown>;
interface Client {
  call: Call;
  close(): Promise<void>;
}

async function nodeRedis(): Promise<Client> {
  const client = createClient({ url });
  await client.connect();
  await client.scriptLoad(COUNTER_SCRIPT);
  return {
    call: (key) => client.evalSha(sha, { keys: [key], arguments: ["1", "60000"] }),
    close: async () => {
      client.destroy();
    },
  };
}

async function ioredis(): Promise<Client> {
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  await client.script("LOAD", COUNTER_SCRIPT);
  return {
    call: (key) => client.evalsha(sha, 1, key, "1", "60000"),
    close: async () => {
      client.disconnect();
    },
  };
}

async function latency(client: Client, n: number): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await client.call(`bench:lat:${i % 100}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n * 0.5)] ?? 0, p99: times[Math.floor(n * 0.99)] ?? 0 };
}

async function throughput(client: Client, n: number, inFlight = 64): Promise<number> {
  let sent = 0;
  const t = performance.now();
  const worker = async () => {
    while (sent < n) {
      sent++;
      await client.call(`bench:tp:${sent % 100}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return n / ((performance.now() - t) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const results: Record<string, { p50: number[]; p99: number[]; ops: number[] }> = {
  "node-redis": { p50: [], p99: [], ops: [] },
  ioredis: { p50: [], p99: [], ops: [] },
};
for (let round = 0; round < rounds; round++) {
  for (const [name, open] of [
    ["node-redis", nodeRedis],
    ["ioredis", ioredis],
  ] as const) {
    const client = await open();
    await latency(client, 500); // warm-up
    const lat = await latency(client, Math.floor(ops / 4));
    const tp = await throughput(client, ops);
    await client.close();
    const r = results[name]!;
    r.p50.push(lat.p50);
    r.p99.push(lat.p99);
    r.ops.push(tp);
  }
}
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(10)} latency p50 ${median(r.p50).toFixed(3)} ms  p99 ${median(r.p99).toFixed(3)} ms  throughput ${Math.round(median(r.ops))} calls/s (range ${Math.round(Math.min(...r.ops))}–${Math.round(Math.max(...r.ops))})`,
  );
}

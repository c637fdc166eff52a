// What an idle SSE stream (or WebSocket) keeps on the gateway's JS heap, by constructor: a heap
// snapshot of a fresh one-process gateway before and after N idle streams on a silent mock
// endpoint, and the difference per stream (the memory part of bench/message.ts measures RSS; this
// shows what it is made of). The reference (node:http, resp. ws, alone: bench/message/relays.ts)
// the same way.
//
//   node bench/message/idle-heap.ts [--streams 1000] [--kind sse|ws] [--top 30] [--target sluice,reference]
//
// Snapshots are taken by the process itself (--heapsnapshot-signal), which collects garbage first:
// the figures do not depend on when the collector last ran, unlike RSS.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { type Reader, readSse, readWebSocket } from "./clients.ts";
import { benchSpecs, compileBench, type RunningProcess, startGateway, startRelay } from "./gateway.ts";

const { values: args } = parseArgs({
  options: {
    streams: { type: "string", default: "1000" },
    kind: { type: "string", default: "sse" },
    top: { type: "string", default: "30" },
    target: { type: "string", default: "sluice,reference" },
    /** Keep the snapshots (before, open, closed) in this directory. */
    keep: { type: "string" },
  },
});

interface Group {
  count: number;
  bytes: number;
}

/** Self sizes of a heap snapshot by node type and name (strings and code by type only). */
function summarize(file: string): Map<string, Group> {
  const snapshot = JSON.parse(readFileSync(file, "utf8")) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const out = new Map<string, Group>();
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]!]!;
    const name = strings[nodes[i + nameAt]!]!;
    const key =
      type === "string" || type === "concatenated string" || type === "sliced string" || type === "code"
        ? `(${type})`
        : type === "object" || type === "closure" || type === "native"
          ? `${name.slice(0, 60)}${type === "closure" ? " (closure)" : ""}`
          : `(${type}) ${name.slice(0, 40)}`;
    const group = out.get(key) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += nodes[i + sizeAt]!;
    out.set(key, group);
  }
  return out;
}

/** Signals the process to write a heap snapshot into `dir`; returns its path once complete. */
async function snapshot(server: RunningProcess, dir: string): Promise<string> {
  const before = new Set(readdirSync(dir));
  server.proc.kill("SIGUSR2");
  for (;;) {
    await sleep(200);
    const file = readdirSync(dir).find((f) => f.endsWith(".heapsnapshot") && !before.has(f));
    if (!file) continue;
    const path = join(dir, file);
    const size = statSync(path).size;
    await sleep(500);
    if (size > 0 && statSync(path).size === size) {
      try {
        JSON.parse(readFileSync(path, "utf8"));
        return path;
      } catch {
        // Still being written.
      }
    }
  }
}

async function measure(target: "sluice" | "reference", bundle: string, kind: "sse" | "ws", n: number) {
  const dir = await mkdtemp(join(tmpdir(), "sluice-idle-heap-"));
  const cwd = process.cwd();
  process.chdir(dir); // the snapshots are written into the child's working directory
  const nodeArgs = ["--heapsnapshot-signal=SIGUSR2"];
  const server =
    target === "sluice" ? await startGateway(bundle, nodeArgs) : await startRelay("idle", "-", nodeArgs);
  process.chdir(cwd);
  try {
    const open = async (count: number): Promise<Reader[]> => {
      const readers: Reader[] = [];
      for (let i = 0; i < count; i++) {
        readers.push(
          kind === "sse"
            ? readSse(`http://127.0.0.1:${server.port}/idle-sse`)
            : readWebSocket(`ws://127.0.0.1:${server.port}/idle-ws`),
        );
        if (i % 100 === 99) await sleep(20);
      }
      const opened = await Promise.all(readers.map((r) => r.opened));
      if (opened.filter(Boolean).length !== count)
        throw new Error(`only ${opened.filter(Boolean).length} of ${count} opened`);
      return readers;
    };
    for (const r of await open(50)) r.close();
    await sleep(1500);
    const a = summarize(await snapshot(server, dir));
    const readers = await open(n);
    await sleep(1500);
    const b = summarize(await snapshot(server, dir));
    for (const r of readers) r.close();
    await sleep(1500);
    const c = summarize(await snapshot(server, dir));
    const total = (m: Map<string, Group>) => [...m.values()].reduce((s, g) => s + g.bytes, 0);
    const rows = [...new Set([...a.keys(), ...b.keys()])]
      .map((key) => {
        const x = a.get(key) ?? { count: 0, bytes: 0 };
        const y = b.get(key) ?? { count: 0, bytes: 0 };
        return { key, count: (y.count - x.count) / n, bytes: (y.bytes - x.bytes) / n };
      })
      .filter((r) => Math.abs(r.bytes) >= 4)
      .sort((p, q) => q.bytes - p.bytes);
    console.log(
      `\n${target} (${kind}, ${n} streams): JS heap ${((total(b) - total(a)) / n).toFixed(0)} B per stream; after closing them all: ${((total(c) - total(a)) / n).toFixed(0)} B per stream left`,
    );
    console.log("bytes/stream  objects/stream  constructor");
    for (const r of rows.slice(0, Number(args.top)))
      console.log(`${r.bytes.toFixed(0).padStart(12)}  ${r.count.toFixed(2).padStart(14)}  ${r.key}`);
  } finally {
    await server.stop();
    if (args.keep) {
      await mkdir(args.keep, { recursive: true });
      const files = readdirSync(dir)
        .filter((f) => f.endsWith(".heapsnapshot"))
        .sort();
      for (const [i, f] of files.entries())
        await rename(
          join(dir, f),
          join(args.keep, `${target}-${kind}-${["before", "open", "closed"][i]}.heapsnapshot`),
        );
    }
    await rm(dir, { recursive: true, force: true });
  }
}

const work = await mkdtemp(join(tmpdir(), "sluice-idle-heap-bundle-"));
try {
  const specs = benchSpecs(
    { kafka: "-", fanout: "-", mqtt: "-" },
    { kafka: "127.0.0.1:1", mqttHost: "127.0.0.1", mqttPort: 1 },
  );
  const bundle = await compileBench(work, {
    "idle-sse.yaml": specs["idle-sse.yaml"]!,
    "idle-ws.yaml": specs["idle-ws.yaml"]!,
  });
  const kind = args.kind === "ws" ? "ws" : "sse";
  for (const target of args.target.split(",") as Array<"sluice" | "reference">)
    await measure(target, bundle, kind, Number(args.streams));
} finally {
  await rm(work, { recursive: true, force: true });
}

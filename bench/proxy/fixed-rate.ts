// An open-loop, fixed-rate HTTP/1.1 latency client (what wrk2 does; wrk2 is not packaged by Debian),
// run in a process of its own by `fixedRateLatency` (load.ts) so the bench's own work never delays
// a send or a receive. Why not autocannon's `overallRate`: it is not a rate. Each connection sends
// back to back as fast as the server answers until it has sent its share of the second, then waits
// for the next second (a 1 s setInterval): "200 req/s on 1 connection" was a burst of 200
// back-to-back requests each second, and "half the maximum rate" was the maximum rate for half of
// each second — latency at full load, not at half load.
//
// Here request i is due at start + i / rate, spread over the connections in turn, keep-alive, one
// request in flight per connection. It is timed from when it was written or, when its connection
// was still waiting for an earlier response at its due time, from that due time: a slow response
// delays the requests behind it, and that wait is the server's (coordinated omission, corrected as
// wrk2 does). A timer that fires late (Node's timers have 1 ms resolution) is the client's, not the
// server's, and is not counted. Every response time is kept (no histogram rounding).
//
//   node bench/proxy/fixed-rate.ts URL RATE CONNECTIONS SECONDS [HEADER: VALUE …]  → JSON on stdout
import { connect, type Socket } from "node:net";

export interface FixedRateResult {
  /** Milliseconds, sorted. */
  times: number[];
  errors: number;
  /** Requests still unanswered at the end (each counted as an error too). */
  unanswered: number;
  /** The client's own CPU time (user + system) while it ran, in microseconds. */
  cpuMicros: number;
}

interface Connection {
  socket: Socket;
  /** Due times (ms, performance.now()) of the requests queued behind the one in flight. */
  queue: number[];
  /** When the request in flight started counting, or undefined when idle. */
  inFlight: number | undefined;
  buffered: Buffer;
}

export async function runFixedRate(
  url: string,
  rate: number,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<FixedRateResult> {
  const target = new URL(url);
  const head = [`GET ${target.pathname}${target.search} HTTP/1.1`, `Host: ${target.host}`];
  for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
  const request = Buffer.from(`${head.join("\r\n")}\r\n\r\n`);
  const times: number[] = [];
  let errors = 0;
  const cpu0 = process.cpuUsage();

  const conns = await Promise.all(
    Array.from(
      { length: Math.min(connections, rate) },
      () =>
        new Promise<Connection>((resolve, reject) => {
          const socket = connect({ host: target.hostname, port: Number(target.port || 80), noDelay: true });
          const c: Connection = { socket, queue: [], inFlight: undefined, buffered: Buffer.alloc(0) };
          socket.once("connect", () => resolve(c));
          socket.once("error", reject);
          socket.on("data", (chunk: Buffer) => onData(c, chunk));
        }),
    ),
  );
  for (const c of conns) c.socket.on("error", () => errors++);

  const send = (c: Connection, startedAt: number) => {
    c.inFlight = startedAt;
    c.socket.write(request);
  };
  function onData(c: Connection, chunk: Buffer): void {
    c.buffered = c.buffered.length === 0 ? chunk : Buffer.concat([c.buffered, chunk]);
    for (;;) {
      const end = responseEnd(c.buffered);
      if (end === undefined || c.inFlight === undefined) return;
      const now = performance.now();
      const status = Number(c.buffered.subarray(9, 12).toString("latin1"));
      if (status >= 200 && status < 300) times.push(now - c.inFlight);
      else errors++;
      c.buffered = c.buffered.subarray(end);
      c.inFlight = undefined;
      // The next request was due while this one was in flight: it counts from its due time.
      const due = c.queue.shift();
      if (due !== undefined) send(c, due);
    }
  }

  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const start = performance.now() + 10;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const c = conns[next % conns.length]!;
        const due = start + next * interval;
        if (c.inFlight === undefined) send(c, now);
        else c.queue.push(due);
        next++;
      }
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
  // The last responses: up to 2 s.
  const deadline = performance.now() + 2000;
  while (conns.some((c) => c.inFlight !== undefined) && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
  }
  const unanswered = conns.reduce((n, c) => n + (c.inFlight === undefined ? 0 : 1) + c.queue.length, 0);
  for (const c of conns) c.socket.destroy();
  times.sort((a, b) => a - b);
  const cpu = process.cpuUsage(cpu0);
  return { times, errors: errors + unanswered, unanswered, cpuMicros: cpu.user + cpu.system };
}

/** Where the first complete response in `b` ends (Content-Length or chunked), or undefined. */
function responseEnd(b: Buffer): number | undefined {
  const headEnd = b.indexOf("\r\n\r\n");
  if (headEnd < 0) return undefined;
  const head = b.subarray(0, headEnd).toString("latin1").toLowerCase();
  const length = /\r\ncontent-length:\s*(\d+)/.exec(head);
  if (length) {
    const end = headEnd + 4 + Number(length[1]);
    return b.length >= end ? end : undefined;
  }
  if (/\r\ntransfer-encoding:[^\r]*chunked/.test(head)) {
    const last = b.indexOf("\r\n0\r\n\r\n", headEnd);
    return last < 0 ? undefined : last + 7;
  }
  return headEnd + 4;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [url, rate, connections, seconds, ...rest] = process.argv.slice(2);
  const headers = Object.fromEntries(
    rest.map((h) => [h.slice(0, h.indexOf(":")), h.slice(h.indexOf(":") + 1).trim()]),
  );
  const result = await runFixedRate(url!, Number(rate), Number(connections), Number(seconds), headers);
  process.stdout.write(JSON.stringify(result));
}

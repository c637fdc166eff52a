// One request of the differential suite, sent the same way to either gateway with node:http (so
// chunked bodies, `Expect: 100-continue` and absolute-form targets go on the wire exactly as
// written), and what came back.
import { Agent, request } from "node:http";
import type { DiffRequest } from "./requests.ts";

export interface Observed {
  status: number;
  rawHeaders: string[];
  body: Buffer;
  /** `content-length`, `chunked` or `none`. */
  framing: string;
  /** Set when no response arrived (connection reset, timeout). */
  error?: string;
}

const REQUEST_TIMEOUT_MS = 15_000;
/** How long a client waits for `100 Continue` before sending the body anyway (curl's default). */
const CONTINUE_WAIT_MS = 1_000;

export function clientFor(port: number): { agent: Agent; port: number } {
  return { agent: new Agent({ keepAlive: true, maxSockets: 1 }), port };
}

export function send(client: { agent: Agent; port: number }, r: DiffRequest): Promise<Observed> {
  const authority = `127.0.0.1:${client.port}`;
  const headers: string[] = [];
  if (!r.headers?.some(([n]) => n.toLowerCase() === "host")) headers.push("host", authority);
  for (const [n, v] of r.headers ?? []) headers.push(n, v);
  if (r.body !== undefined && !r.chunked) headers.push("content-length", String(Buffer.byteLength(r.body)));
  if (r.chunked) headers.push("transfer-encoding", "chunked");
  if (r.expectContinue) headers.push("expect", "100-continue");
  return new Promise((resolve) => {
    const req = request({
      host: "127.0.0.1",
      port: client.port,
      method: r.method,
      path: r.absoluteForm ? `http://${authority}${r.path}` : r.path,
      headers,
      agent: client.agent,
      setHost: false,
    });
    let done = false;
    const finish = (o: Observed) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(o);
    };
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: 0, rawHeaders: [], body: Buffer.alloc(0), framing: "none", error: "timeout" });
    }, REQUEST_TIMEOUT_MS);
    req.on("error", (e: NodeJS.ErrnoException) =>
      finish({
        status: 0,
        rawHeaders: [],
        body: Buffer.alloc(0),
        framing: "none",
        error: e.code ?? e.message,
      }),
    );
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        finish({
          status: res.statusCode ?? 0,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
          framing:
            res.headers["transfer-encoding"] !== undefined
              ? "chunked"
              : res.headers["content-length"] !== undefined
                ? "content-length"
                : "none",
        }),
      );
      res.on("error", (e: NodeJS.ErrnoException) =>
        finish({
          status: res.statusCode ?? 0,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
          framing: "none",
          error: e.code ?? e.message,
        }),
      );
    });
    const writeBody = () => {
      if (r.body === undefined) return void req.end();
      if (r.chunked) {
        const half = Math.ceil(r.body.length / 2);
        req.write(r.body.slice(0, half));
        setTimeout(() => req.end(r.body!.slice(half)), 20);
        return;
      }
      req.end(r.body);
    };
    if (r.expectContinue) {
      let sent = false;
      const once = () => {
        if (sent) return;
        sent = true;
        writeBody();
      };
      req.on("continue", once);
      req.on("response", once);
      setTimeout(once, CONTINUE_WAIT_MS);
      req.flushHeaders();
    } else {
      writeBody();
    }
  });
}

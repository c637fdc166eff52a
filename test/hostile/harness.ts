// The hostile suite's rig: a recording backend (what arrived, and whether the request body ended or
// was aborted; canned raw answers for the response-side cases), a compiled gateway with a keyless
// API, a key-protected API and an API whose plan has a rate-limited `/admin` flow, and two clients
// that send exactly what a row says — raw bytes on a TCP socket, and node:http2.
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { connect as connectHttp2, constants as h2 } from "node:http2";
import { type AddressInfo, connect } from "node:net";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

export const API_KEY = "hostile-key-0123456789";

export interface Seen {
  /** The row that sent it (the `x-row` header the clients add). */
  row: string;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** "complete": the body ended; "aborted": the request was torn down mid-body. */
  outcome: "complete" | "aborted";
  /** The connection closed before the backend answered (the gateway gave up on it). */
  abandoned: boolean;
}

export interface RecordingBackend {
  port: number;
  seen: Seen[];
  server: Server;
  close(): Promise<void>;
}

/**
 * Canned answers under `<base>/answer/<name>`: written raw on the socket after the request body,
 * so the gateway gets exactly these bytes (and then the connection closes).
 */
export const ANSWERS: Readonly<Record<string, string>> = {
  "204-with-length": "HTTP/1.1 204 No Content\r\ncontent-length: 5\r\n\r\nhello",
  "304-with-length": 'HTTP/1.1 304 Not Modified\r\ncontent-length: 5\r\netag: "x"\r\n\r\n',
  "continue-then-200": "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok",
  "continue-twice-then-103-then-201":
    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\nx-a: 1\r\n\r\nHTTP/1.1 103 Early Hints\r\nlink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 201 Created\r\ncontent-length: 2\r\n\r\nok",
  "early-hints-then-200":
    "HTTP/1.1 103 Early Hints\r\nlink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok",
  "processing-then-200": "HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok",
  "hop-by-hop":
    "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nte: trailers\r\nhttp2-settings: AAMAAABkAAQAAP__\r\nkeep-alive: timeout=5\r\nproxy-connection: keep-alive\r\nupgrade: h2c\r\nconnection: x-private, keep-alive\r\nx-private: secret\r\nproxy-authenticate: Basic\r\nx-kept: yes\r\n\r\nok",
  "chunked-with-trailer":
    "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\ntrailer: x-t\r\n\r\n2\r\nok\r\n0\r\nx-t: 1\r\n\r\n",
  "switching-unasked": "HTTP/1.1 101 Switching Protocols\r\nupgrade: h2c\r\nconnection: upgrade\r\n\r\n",
  "bad-header": "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nx-bad\u0001: 1\r\n\r\nok",
  "reset-mid-body": "HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\npartial",
  "no-answer": "",
};

export async function startRecordingBackend(): Promise<RecordingBackend> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let done = false;
    let entry: Seen | undefined;
    res.once("close", () => {
      if (entry && !res.writableFinished) entry.abandoned = true;
    });
    const record = (outcome: Seen["outcome"]) => {
      if (done) return;
      done = true;
      entry = {
        row: String(req.headers["x-row"] ?? ""),
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("latin1"),
        outcome,
        abandoned: false,
      };
      seen.push(entry);
    };
    req.on("data", (c: Buffer) => chunks.push(c));
    req.once("aborted", () => record("aborted"));
    req.once("error", () => record("aborted"));
    req.once("close", () => record(req.complete ? "complete" : "aborted"));
    req.once("end", () => {
      record("complete");
      const answer = /\/answer\/([a-z0-9-]+)/.exec(req.url ?? "")?.[1];
      if (answer !== undefined && answer in ANSWERS) {
        const raw = ANSWERS[answer]!;
        if (raw === "") return; // never answers: the gateway's readTimeout decides
        if (answer === "reset-mid-body") {
          req.socket.write(raw, () => req.socket.resetAndDestroy());
          return;
        }
        req.socket.end(raw, "latin1");
        return;
      }
      const body = JSON.stringify({ url: req.url });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(req.method === "HEAD" ? undefined : body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const api = (
  name: string,
  path: string,
  target: string,
  plans: string,
  more = "",
) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
${path}
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: primary
          type: http-proxy
          configuration:
            target: ${target}
          sharedConfigurationOverride:
            http:
              readTimeout: 1500
  plans:
${plans}
${more}`;

const KEYLESS = `    free:
      name: Free
      security:
        type: KEY_LESS`;

/**
 * The gateway under attack: `public` (keyless, /public → backend /pub, a flow on /items/:id),
 * `secure` (API key, /sec → /sec), `app` (keyless; its plan's flow on /admin adds `x-admin-flow`
 * and allows 3 requests a minute per `x-client`), `vhost` (api.example/v → /vh).
 */
export async function startHostileGateway(
  backend: RecordingBackend,
  env: Record<string, string> = {},
): Promise<TestGateway> {
  const origin = `http://127.0.0.1:${backend.port}`;
  return startTestGateway(
    {
      "public.yaml": api(
        "public",
        "        - path: /public",
        `${origin}/pub`,
        KEYLESS,
        `  flows:
    - name: item
      selectors:
        - type: HTTP
          path: /items/:id
          pathOperator: STARTS_WITH
      request:
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: x-item
                value: "{#request.pathParams['id']}"`,
      ),
      "secure.yaml": api(
        "secure",
        "        - path: /sec",
        `${origin}/sec`,
        `    keys:
      name: Keys
      security:
        type: API_KEY`,
      ),
      "app.yaml": api(
        "app",
        "        - path: /app",
        `${origin}/app`,
        `${KEYLESS}
      flows:
        - name: admin
          selectors:
            - type: HTTP
              path: /admin
              pathOperator: STARTS_WITH
          request:
            - policy: rate-limit
              configuration:
                rate:
                  key: "{#request.headers['x-client'][0]}"
                  limit: 3
                  periodTime: 1
                  periodTimeUnit: MINUTES
            - policy: transform-headers
              configuration:
                addHeaders:
                  - name: x-admin-flow
                    value: ran`,
      ),
      "vhost.yaml": api("vhost", "        - host: api.example\n          path: /v", `${origin}/vh`, KEYLESS),
    },
    {
      SLUICE_API_KEYS_SECURE: API_KEY,
      SLUICE_HEADERS_TIMEOUT_MS: "1000",
      SLUICE_BODY_TIMEOUT_MS: "1000",
      SLUICE_FIRST_BYTES_TIMEOUT_MS: "1000",
      SLUICE_KEEPALIVE_TIMEOUT_MS: "1000",
      SLUICE_H2_IDLE_TIMEOUT_MS: "1000",
      SLUICE_H2_MAX_RESETS: "50",
      SLUICE_H2_MAX_CONCURRENT_STREAMS: "20",
      ...env,
    },
  );
}

export interface RawResult {
  /** The status of the first response, or undefined when the connection closed without one. */
  status: number | undefined;
  /** The first response's head and what followed, as received (latin1). */
  text: string;
  /** The first response's headers, names lower-cased. */
  headers: Record<string, string>;
  /** The first response's body, by its content-length (or "" without one). */
  body: string;
  /** Milliseconds until the gateway closed the connection (or the wait ended). */
  closedAfterMs: number | undefined;
}

/**
 * Writes `parts` on a fresh TCP connection (a string is sent at once; a number pauses that many ms)
 * and collects what comes back until the gateway closes the connection or `waitMs` passes.
 */
export async function rawExchange(
  port: number,
  parts: ReadonlyArray<string | number>,
  waitMs = 1500,
): Promise<RawResult> {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  const started = Date.now();
  const chunks: Buffer[] = [];
  let closedAfterMs: number | undefined;
  socket.on("data", (c: Buffer) => chunks.push(c));
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) =>
    socket.once("close", () => {
      closedAfterMs = Date.now() - started;
      resolve();
    }),
  );
  const sending = (async () => {
    for (const part of parts) {
      if (socket.destroyed) return;
      if (typeof part === "number") await new Promise((r) => setTimeout(r, part));
      else socket.write(part, "latin1");
    }
  })();
  await Promise.race([closed, new Promise((r) => setTimeout(r, waitMs))]);
  await sending;
  socket.destroy();
  const text = Buffer.concat(chunks).toString("latin1");
  return { ...parseHead(text), text, closedAfterMs };
}

function parseHead(text: string): Pick<RawResult, "status" | "headers" | "body"> {
  // A final response: skip interim (1xx) heads.
  let rest = text;
  for (;;) {
    const m = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(rest);
    if (!m) return { status: undefined, headers: {}, body: "" };
    const end = rest.indexOf("\r\n\r\n");
    const headers: Record<string, string> = {};
    for (const line of rest.slice(m[0].length, end).split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const status = Number(m[1]);
    if (status >= 100 && status < 200 && status !== 101) {
      rest = rest.slice(end + 4);
      continue;
    }
    const length = Number(headers["content-length"] ?? 0);
    return { status, headers, body: rest.slice(end + 4, end + 4 + length) };
  }
}

export interface H2Result {
  status: number | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The stream's RST_STREAM code when it was reset, else 0. */
  rstCode: number;
  /** The GOAWAY error code the connection got, if any. */
  goaway: number | undefined;
}

/** One request on a fresh h2c connection (prior knowledge). */
export async function h2Exchange(
  port: number,
  headers: Record<string, string>,
  body?: string,
): Promise<H2Result> {
  const session = connectHttp2(`http://127.0.0.1:${port}`);
  let goaway: number | undefined;
  session.on("goaway", (code: number) => {
    goaway = code;
  });
  session.on("error", () => {});
  try {
    const stream = session.request(headers, { endStream: body === undefined });
    if (body !== undefined) stream.end(body);
    const chunks: Buffer[] = [];
    let status: number | undefined;
    let responseHeaders: Record<string, string | string[] | undefined> = {};
    stream.on("response", (h) => {
      status = Number(h[":status"]);
      responseHeaders = h;
    });
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("error", () => {});
    await Promise.race([
      new Promise((r) => stream.once("close", r)),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    return {
      status,
      headers: responseHeaders,
      body: Buffer.concat(chunks).toString("latin1"),
      rstCode: stream.rstCode ?? 0,
      goaway,
    };
  } finally {
    session.destroy();
  }
}

export { h2 };

// ── Raw HTTP/2 frames ──────────────────────────────────────────────────────────────────────────
// node:http2 refuses to send what an attacker would (upper-case names, connection headers, CR in
// values, pseudo-headers out of order, endless CONTINUATION): these frames are written by hand.
// Header blocks use HPACK literals without indexing and without Huffman (RFC 7541 §6.2.2).

export const H2 = { DATA: 0, HEADERS: 1, RST_STREAM: 3, SETTINGS: 4, PING: 6, GOAWAY: 7, CONTINUATION: 9 };
export const FLAG = { END_STREAM: 1, ACK: 1, END_HEADERS: 4 };

export function h2Frame(
  type: number,
  flags: number,
  stream: number,
  payload: Buffer = Buffer.alloc(0),
): Buffer {
  const head = Buffer.alloc(9);
  head.writeUIntBE(payload.length, 0, 3);
  head[3] = type;
  head[4] = flags;
  head.writeUInt32BE(stream & 0x7fffffff, 5);
  return Buffer.concat([head, payload]);
}

/** An HPACK integer with an N-bit prefix (RFC 7541 §5.1), `first` holding the pattern bits. */
function hpackInt(value: number, bits: number, first: number): Buffer {
  const max = (1 << bits) - 1;
  if (value < max) return Buffer.from([first | value]);
  const out = [first | max];
  let rest = value - max;
  while (rest >= 128) {
    out.push((rest % 128) + 128);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return Buffer.from(out);
}

const hpackString = (s: string) => {
  const bytes = Buffer.from(s, "latin1");
  return Buffer.concat([hpackInt(bytes.length, 7, 0), bytes]);
};

/** A header block: each field a literal without indexing, new name; names sent as given. */
export function hpack(fields: ReadonlyArray<readonly [string, string]>): Buffer {
  return Buffer.concat(fields.flatMap(([n, v]) => [Buffer.from([0]), hpackString(n), hpackString(v)]));
}

/** A literal with incremental indexing (it enters the dynamic table, index 62). */
export function hpackIndexed(name: string, value: string): Buffer {
  return Buffer.concat([Buffer.from([0x40]), hpackString(name), hpackString(value)]);
}

const STATIC_STATUS: Record<number, number> = { 8: 200, 9: 204, 10: 206, 11: 304, 12: 400, 13: 404, 14: 500 };

/** The `:status` of a response header block: static table, or a literal (Huffman digits too). */
export function decodeStatus(block: Buffer): number | undefined {
  let i = 0;
  while (i < block.length && (block[i]! & 0xe0) === 0x20) i++; // dynamic table size updates
  const b = block[i];
  if (b === undefined) return undefined;
  if (b & 0x80) return STATIC_STATUS[b & 0x7f];
  const nameIndex = b & 0x40 ? b & 0x3f : b & 0x0f;
  if (nameIndex < 8 || nameIndex > 14) return undefined;
  const len = block[i + 1]! & 0x7f;
  const value = block.subarray(i + 2, i + 2 + len);
  if (!(block[i + 1]! & 0x80)) return Number(value.toString("latin1"));
  // Huffman (RFC 7541 Appendix B): '0'–'2' are 5-bit codes 00000–00010, '3'–'9' 6-bit 011001–011111.
  let bits = "";
  for (const byte of value) bits += byte.toString(2).padStart(8, "0");
  let digits = "";
  for (let at = 0; digits.length < 3 && at + 5 <= bits.length; ) {
    const five = Number.parseInt(bits.slice(at, at + 5), 2);
    if (five <= 2) {
      digits += String(five);
      at += 5;
    } else {
      digits += String(Number.parseInt(bits.slice(at, at + 6), 2) - 22);
      at += 6;
    }
  }
  return Number(digits);
}

export interface H2RawResult {
  /** The first response's status on stream 1, if one came. */
  status: number | undefined;
  /** RST_STREAM's code on stream 1, if it was reset. */
  rst: number | undefined;
  goaway: number | undefined;
  /** Milliseconds until the gateway closed the connection, if it did within the wait. */
  closedAfterMs: number | undefined;
}

/**
 * A fresh h2c connection: the preface and an empty SETTINGS, then `parts` (frames; a number pauses
 * that many ms). Reads frames until the connection closes or `waitMs` passes; SETTINGS are acked.
 */
export async function h2RawExchange(
  port: number,
  parts: ReadonlyArray<Buffer | number>,
  waitMs = 1500,
): Promise<H2RawResult> {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  const started = Date.now();
  const result: H2RawResult = {
    status: undefined,
    rst: undefined,
    goaway: undefined,
    closedAfterMs: undefined,
  };
  let buffered = Buffer.alloc(0);
  let block: Buffer | undefined;
  socket.on("error", () => {});
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 9) {
      const length = buffered.readUIntBE(0, 3);
      if (buffered.length < 9 + length) break;
      const type = buffered[3]!;
      const flags = buffered[4]!;
      const stream = buffered.readUInt32BE(5) & 0x7fffffff;
      const payload = buffered.subarray(9, 9 + length);
      buffered = buffered.subarray(9 + length);
      if (type === H2.SETTINGS && !(flags & FLAG.ACK) && !socket.destroyed)
        socket.write(h2Frame(H2.SETTINGS, FLAG.ACK, 0));
      else if (type === H2.GOAWAY) result.goaway = payload.readUInt32BE(4);
      else if (type === H2.RST_STREAM && stream === 1) result.rst = payload.readUInt32BE(0);
      else if (
        (type === H2.HEADERS || type === H2.CONTINUATION) &&
        stream === 1 &&
        result.status === undefined
      ) {
        block = block ? Buffer.concat([block, payload]) : payload;
        if (flags & FLAG.END_HEADERS) {
          result.status = decodeStatus(block);
          block = undefined;
        }
      }
    }
  });
  const closed = new Promise<void>((resolve) =>
    socket.once("close", () => {
      result.closedAfterMs = Date.now() - started;
      resolve();
    }),
  );
  socket.write(
    Buffer.concat([Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1"), h2Frame(H2.SETTINGS, 0, 0)]),
  );
  const sending = (async () => {
    for (const part of parts) {
      if (socket.destroyed) return;
      if (typeof part === "number") await new Promise((r) => setTimeout(r, part));
      else if (!socket.write(part)) await Promise.race([once(socket, "drain"), closed]);
    }
  })();
  await Promise.race([closed, new Promise((r) => setTimeout(r, waitMs))]);
  socket.destroy();
  await sending;
  return result;
}

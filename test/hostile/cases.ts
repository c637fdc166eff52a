import { FLAG, H2, h2Frame, hpack, hpackIndexed } from "./harness.ts";

// The hostile table: one row a request an attacker (or a broken client or backend) might send,
// what the gateway must answer, and what the backend may see. Rows name the API they aim at:
// `public` (keyless, /public → backend /pub), `secure` (API key, /sec → /sec), `app` (keyless, its
// plan's /admin flow adds `x-admin-flow: ran` and rate-limits), `vhost` (api.example/v → /vh).
// harness.ts starts them; hostile.test.ts runs every row against one compiled gateway.

export interface BackendExpectation {
  /** The exact request target the backend received. */
  url?: string;
  /** Whether the /admin plan flow ran (the backend sees `x-admin-flow`). */
  flow?: boolean;
  /** Request headers the backend must not see. */
  lacks?: readonly string[];
  /** Request headers the backend must see, with these values. */
  has?: Readonly<Record<string, string>>;
  /** How the request body ended at the backend. */
  outcome?: "complete" | "aborted";
  /** The gateway gave up on the backend (closed the connection before it answered). */
  abandoned?: boolean;
  /** The request may not reach the backend at all; if it does, the rest must hold. */
  optional?: boolean;
}

export interface Row {
  id: string;
  /** HTTP/1.1 over a raw socket: strings sent in order, numbers are pauses (ms). X-Row is added. */
  h1?: ReadonlyArray<string | number>;
  /** HTTP/2 (h2c, prior knowledge) through node:http2; x-row is added. */
  h2?: { headers: Record<string, string>; body?: string };
  /** HTTP/2 frames written by hand (harness.ts h2RawExchange), given the row's tag for `x-row`. */
  h2raw?: (tag: string) => ReadonlyArray<Buffer | number>;
  /** The final status, or "closed" for a connection closed without a response. */
  status: number | "closed";
  /** What reaches the backend; "none" (the default for 4xx/5xx and "closed"): nothing. */
  backend?: BackendExpectation | "none";
  response?: { lacks?: readonly string[]; has?: Readonly<Record<string, string>>; body?: string };
  /** Milliseconds the gateway may take to close the connection (timeout rows). */
  closesWithinMs?: number;
  /** How long the client waits for the answer (default 1500 ms). */
  waitMs?: number;
  /** Not yet enforced here; names who fixes it. */
  todo?: string;
}

const get = (path: string, headers = "", method = "GET"): string[] => [
  `${method} ${path} HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n${headers}\r\n`,
];
const h2get = (path: string, headers: Record<string, string> = {}) => ({
  headers: { ":path": path, ...headers },
});

const rows: Row[] = [];
/** The same request over HTTP/1.1 and HTTP/2, one row each. */
function both(id: string, path: string, status: number, backend?: Row["backend"], extra: Partial<Row> = {}) {
  rows.push({ id: `h1 ${id}`, h1: get(path), status, ...(backend ? { backend } : {}), ...extra });
  rows.push({ id: `h2 ${id}`, h2: h2get(path), status, ...(backend ? { backend } : {}), ...extra });
}

// ── Dot segments and encodings: a keyless path must not reach the key-protected API ───────────
for (const path of [
  "/public/../sec/admin",
  "/public/%2e%2e/sec/admin",
  "/public/%2E%2E/sec/admin",
  "/public/.%2e/sec/admin",
  "/public/.%2E/sec/admin",
  "/public/%2e./sec/admin",
  "/public/./../sec/admin",
  "/public/x/../../sec/admin",
  "/public//../sec/admin",
  "/public/%2e%2e//sec/admin",
  "/public/../../../sec/admin",
  "/app/../sec/admin",
  "/public/x/%2E%2E/%2e%2e/sec/admin",
  "/%70ublic/../sec/admin",
]) {
  both(`traversal ${path} → secure API, no key`, path, 401);
}

// ── Encoded dots that only a double-decoding receiver would resolve, and other refusals ───────
for (const path of [
  "/public/..%2fsec/admin",
  "/public/%2e%2e%2fsec/admin",
  "/public/..%2Fsec/admin",
  "/public/..%5csec/admin",
  "/public/x%2F..%2F..%2Fsec",
  "/public/%252e%252e/sec/admin",
  "/public/x%252f..%252f..%252fsec/admin",
  "/public/x%ef%bc%8f..%ef%bc%8f..%ef%bc%8fsec/admin",
  "/app/%2561dmin",
  "/public/..;/sec/admin",
  "/public/%2e%2e;x/sec/admin",
  "/public/.;/sec",
  "/public/%zz",
  "/public/%",
  "/public/%4",
  "/public/a%g1",
  "/public/items/%C3%28",
  "/public/items/%FF",
  "/public/items/%E0%A4%A",
]) {
  both(`refused ${path}`, path, 400);
}
rows.push({ id: "h1 refused raw backslash /public/..\\sec", h1: get("/public/..\\sec/admin"), status: 400 });
rows.push({
  id: "h2 refused raw backslash /public/..\\sec",
  h2: h2get("/public/..\\sec/admin"),
  status: 400,
});
rows.push({ id: "h2 refused fragment in :path", h2: h2get("/public/x#frag"), status: 400 });
// nghttp2 refuses a :path with a space itself (stream reset): no response, nothing forwarded.
rows.push({ id: "h2 refused space in :path", h2: h2get("/public/a b"), status: "closed" });

// ── Other spellings of /admin: the plan flow (and its rate limit) still runs ─────────────────
for (const path of [
  "/app//admin",
  "//app/admin",
  "/app/./admin",
  "/app/x/../admin",
  "/app/%2e/admin",
  "/app/%61dmin",
  "/app/%61%64%6d%69%6e",
  "/app///admin",
  "/app/admin/../admin",
  "/app/foo/..//admin",
  "/app/./../app/admin",
  "/%61pp/admin",
]) {
  both(`flow bypass ${path}`, path, 200, { url: "/app/admin", flow: true });
}
both("flow bypass /app/admin/", "/app/admin/", 200, { url: "/app/admin/", flow: true });
both("flow bypass /app/admin;x=1 (servlet path parameter)", "/app/admin;x=1", 200, {
  url: "/app/admin;x=1",
  flow: true,
});
both("flow bypass /app/admin;", "/app/admin;", 200, { url: "/app/admin;", flow: true });
both("flow bypass /app/admin;jsessionid=1/x", "/app/admin;jsessionid=1/x", 200, {
  url: "/app/admin;jsessionid=1/x",
  flow: true,
});
both("flow runs on /app/admin/x/./y", "/app/admin/x/./y", 200, { url: "/app/admin/x/y", flow: true });
// STARTS_WITH compares characters, not segments, as Gravitee's lookingAt: `/admin` covers `/administrator`.
both("flow on /app/administrator (STARTS_WITH is a prefix)", "/app/administrator", 200, {
  url: "/app/administrator",
  flow: true,
});
both("no flow on /app/admi", "/app/admi", 200, { url: "/app/admi", flow: false });

// The rate limit counts every spelling as /admin (3 a minute per x-client).
const rl = "X-Client: rl-spellings\r\n";
rows.push({
  id: "h1 rate limit 1 /app/admin",
  h1: get("/app/admin", rl),
  status: 200,
  backend: { flow: true },
});
rows.push({
  id: "h1 rate limit 2 //app//admin",
  h1: get("//app//admin", rl),
  status: 200,
  backend: { flow: true },
});
rows.push({
  id: "h1 rate limit 3 /app/%61dmin",
  h1: get("/app/%61dmin", rl),
  status: 200,
  backend: { flow: true },
});
rows.push({ id: "h1 rate limit 4 /app/./x/../admin → 429", h1: get("/app/./x/../admin", rl), status: 429 });
rows.push({
  id: "h2 rate limit 5 /app/%2e/admin → 429",
  h2: h2get("/app/%2e/admin", { "x-client": "rl-spellings" }),
  status: 429,
});

// ── Encodings that must pass unchanged (or canonicalised) ──────────────────────────────────────
both("encoded slash stays encoded", "/public/a%2Fb", 200, { url: "/pub/a%2Fb" });
both("encoded slash upper-cased", "/public/a%2fb", 200, { url: "/pub/a%2Fb" });
both("UTF-8 escapes kept", "/public/caf%C3%A9", 200, { url: "/pub/caf%C3%A9" });
both("unreserved ~ decoded", "/public/%7Euser", 200, { url: "/pub/~user" });
both("a literal percent sign passes", "/public/50%25off", 200, { url: "/pub/50%25off" });
both("query is not a path", "/public/x?y=../../sec&z=%2e%2e", 200, { url: "/pub/x?y=../../sec&z=%2e%2e" });
both("malformed escape in the query passes", "/public/x?q=%zz", 200, { url: "/pub/x?q=%zz" });
both("path parameter decoded for flows", "/public/items/%41b", 200, {
  url: "/pub/items/Ab",
  has: { "x-item": "Ab" },
});
both("path parameter with an encoded slash", "/public/items/a%2Fb", 200, {
  url: "/pub/items/a%2Fb",
  has: { "x-item": "a/b" },
});
both("dots inside a name are no dot segment", "/public/a..b/.c/...", 200, { url: "/pub/a..b/.c/..." });
both("keyless path back from secure", "/sec/../public/x", 200, { url: "/pub/x" });
both("no context path after normalising", "/public/../nowhere", 404);
both("root climbs stop at /", "/../../../public/x", 200, { url: "/pub/x" });

// ── Absolute-form targets (RFC 9112 §3.2.2) ───────────────────────────────────────────────────
const abs = (target: string, host = "gw") => [
  `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
];
rows.push({
  id: "h1 absolute-form routed by its path",
  h1: abs("http://gw/public/x"),
  status: 200,
  backend: { url: "/pub/x" },
});
rows.push({
  id: "h1 absolute-form https scheme",
  h1: abs("https://gw/public/x"),
  status: 200,
  backend: { url: "/pub/x" },
});
rows.push({
  id: "h1 absolute-form with a port",
  h1: abs("http://gw:8082/public/x?a=1"),
  status: 200,
  backend: { url: "/pub/x?a=1" },
});
rows.push({
  id: "h1 absolute-form traversal → secure",
  h1: abs("http://gw/public/../sec/admin"),
  status: 401,
});
rows.push({
  id: "h1 absolute-form host wins over Host",
  h1: abs("http://api.example/v/x", "other"),
  status: 200,
  backend: { url: "/vh/x" },
});
rows.push({ id: "h1 absolute-form host elsewhere", h1: abs("http://other/v/x", "api.example"), status: 404 });
rows.push({ id: "h1 absolute-form with userinfo", h1: abs("http://user:pw@gw/public/x"), status: 400 });
rows.push({ id: "h1 absolute-form ftp scheme", h1: abs("ftp://gw/public/x"), status: 400 });
rows.push({ id: "h1 absolute-form without host", h1: abs("http:///public/x"), status: 400 });
rows.push({ id: "h1 absolute-form bare authority", h1: abs("http://gw"), status: 404 });
rows.push({
  id: "h1 asterisk-form",
  h1: ["OPTIONS * HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"],
  status: 400,
});

// ── Host ───────────────────────────────────────────────────────────────────────────────────────
rows.push({
  id: "h1 two Host headers, same value",
  h1: ["GET /public/x HTTP/1.1\r\nHost: gw\r\nHost: gw\r\nConnection: close\r\n\r\n"],
  status: 400,
});
rows.push({
  id: "h1 two Host headers, vhost smuggled second",
  h1: ["GET /v/x HTTP/1.1\r\nHost: other\r\nHost: api.example\r\nConnection: close\r\n\r\n"],
  status: 400,
});
rows.push({
  id: "h1 no Host header",
  h1: ["GET /public/x HTTP/1.1\r\nConnection: close\r\n\r\n"],
  status: 400,
});
rows.push({
  id: "h1 HTTP/1.0 without Host",
  h1: ["GET /public/x HTTP/1.0\r\n\r\n"],
  status: 200,
  backend: { url: "/pub/x" },
});
rows.push({
  id: "h1 vhost by Host",
  h1: get("/v/x", "").map((s) => s.replace("Host: gw", "Host: api.example")),
  status: 200,
  backend: { url: "/vh/x" },
});
rows.push({
  id: "h1 vhost Host upper-case",
  h1: get("/v/x").map((s) => s.replace("Host: gw", "Host: API.EXAMPLE")),
  status: 200,
  backend: { url: "/vh/x" },
});
rows.push({
  // As Gravitee (checked by test/differential/): the whole Host is compared, so a virtual host
  // declared without a port does not take a request whose Host carries one.
  id: "h1 vhost Host with a port the host does not declare",
  h1: get("/v/x").map((s) => s.replace("Host: gw", "Host: API.EXAMPLE:8082")),
  status: 404,
});
rows.push({ id: "h1 vhost path, other Host", h1: get("/v/x"), status: 404 });
rows.push({
  id: "h2 :authority and host disagree",
  h2: h2get("/v/x", { ":authority": "api.example", host: "other" }),
  status: 400,
});
rows.push({
  id: "h2 vhost by :authority",
  h2: h2get("/v/x", { ":authority": "api.example" }),
  status: 200,
  backend: { url: "/vh/x" },
});

// ── API keys ───────────────────────────────────────────────────────────────────────────────────
const KEY = "hostile-key-0123456789";
rows.push({ id: "h1 secure without key", h1: get("/sec/x"), status: 401 });
rows.push({
  id: "h1 secure with a wrong key",
  h1: get("/sec/x", "X-Gravitee-Api-Key: nope\r\n"),
  status: 401,
});
rows.push({ id: "h1 secure with an empty key", h1: get("/sec/x", "X-Gravitee-Api-Key: \r\n"), status: 401 });
rows.push({
  id: "h1 secure with a key prefix",
  h1: get("/sec/x", `X-Gravitee-Api-Key: ${KEY.slice(0, 10)}\r\n`),
  status: 401,
});
rows.push({
  id: "h1 secure with a key suffix added",
  h1: get("/sec/x", `X-Gravitee-Api-Key: ${KEY}x\r\n`),
  status: 401,
});
rows.push({
  id: "h1 secure with two key headers",
  h1: get("/sec/x", `X-Gravitee-Api-Key: nope\r\nX-Gravitee-Api-Key: ${KEY}\r\n`),
  status: 401,
});
rows.push({
  id: "h1 secure with the key: not forwarded",
  h1: get("/sec/x", `X-Gravitee-Api-Key: ${KEY}\r\n`),
  status: 200,
  backend: { url: "/sec/x", lacks: ["x-gravitee-api-key"] },
});
rows.push({
  id: "h1 secure key, header listed in Connection",
  h1: get("/sec/x", `X-Gravitee-Api-Key: ${KEY}\r\nConnection: x-gravitee-api-key\r\n`),
  status: 200,
  backend: { url: "/sec/x", lacks: ["x-gravitee-api-key"] },
});
rows.push({
  id: "h1 secure with the key in the query: not forwarded",
  h1: get(`/sec/x?api-key=${KEY}`),
  status: 200,
  backend: { url: "/sec/x" },
});
rows.push({
  id: "h2 secure with the key: not forwarded",
  h2: h2get("/sec/x", { "x-gravitee-api-key": KEY }),
  status: 200,
  backend: { url: "/sec/x", lacks: ["x-gravitee-api-key"] },
});
rows.push({ id: "h2 secure without key", h2: h2get("/sec/x"), status: 401 });
rows.push({ id: "h2 secure traversal with encoded dots", h2: h2get("/sec/%2e%2e/sec/x"), status: 401 });

// ── Framing and request smuggling (HTTP/1.1) ───────────────────────────────────────────────────
const SMUGGLED = "GET /sec/admin HTTP/1.1\r\nHost: gw\r\n\r\n1234";
const post = (head: string, body: string) => [
  `POST /public/echo HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n${head}\r\n${body}`,
];
rows.push({
  id: "h1 Content-Length and chunked together",
  h1: post("Content-Length: 4\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"),
  status: 400,
});
rows.push({
  id: "h1 two different Content-Lengths",
  h1: post("Content-Length: 1\r\nContent-Length: 2\r\n", "ab"),
  status: 400,
});
rows.push({ id: "h1 Content-Length list", h1: post("Content-Length: 2, 2\r\n", "ab"), status: 400 });
rows.push({ id: "h1 negative Content-Length", h1: post("Content-Length: -1\r\n", "ab"), status: 400 });
rows.push({ id: "h1 Content-Length with exponent", h1: post("Content-Length: 1e1\r\n", "ab"), status: 400 });
rows.push({ id: "h1 Content-Length with plus sign", h1: post("Content-Length: +2\r\n", "ab"), status: 400 });
rows.push({
  id: "h1 Transfer-Encoding not chunked last",
  h1: post("Transfer-Encoding: chunked, identity\r\n", "0\r\n\r\n"),
  status: 400,
});
rows.push({
  id: "h1 Transfer-Encoding xchunked",
  h1: post("Transfer-Encoding: xchunked\r\n", "0\r\n\r\n"),
  status: 400,
});
rows.push({
  id: "h1 chunk size not hex",
  h1: post("Transfer-Encoding: chunked\r\n", "zz\r\nab\r\n0\r\n\r\n"),
  status: 400,
});
rows.push({
  id: "h1 chunk size overflow",
  h1: post("Transfer-Encoding: chunked\r\n", "fffffffffffffffff\r\nab\r\n0\r\n\r\n"),
  status: 400,
});
rows.push({
  id: "h1 obs-fold header",
  h1: ["GET /public/x HTTP/1.1\r\nHost: gw\r\nX-A: 1\r\n  folded\r\nConnection: close\r\n\r\n"],
  status: 400,
});
rows.push({
  id: "h1 space before colon",
  h1: ["GET /public/x HTTP/1.1\r\nHost : gw\r\nConnection: close\r\n\r\n"],
  status: 400,
});
rows.push({
  id: "h1 invalid header name",
  h1: ["GET /public/x HTTP/1.1\r\nHost: gw\r\nX(A): 1\r\nConnection: close\r\n\r\n"],
  status: 400,
});
rows.push({
  id: "h1 NUL in a header value",
  h1: ["GET /public/x HTTP/1.1\r\nHost: gw\r\nX-A: a\u0000b\r\nConnection: close\r\n\r\n"],
  status: 400,
});
rows.push({
  id: "h1 bare LF line endings",
  h1: ["GET /public/x HTTP/1.1\nHost: gw\nConnection: close\n\n"],
  status: 400,
});
// Node's parser reads it as the plain request: no second reading for anyone to disagree on.
rows.push({
  id: "h1 two spaces in the request line",
  h1: ["GET  /public/x HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"],
  status: 200,
  backend: { url: "/pub/x" },
});
rows.push({
  id: "h1 HTTP/1.2",
  h1: ["GET /public/x HTTP/1.2\r\nHost: gw\r\nConnection: close\r\n\r\n"],
  status: 400,
});
rows.push({
  id: "h1 unknown method",
  h1: ["FOO /public/x HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"],
  status: 400,
});
rows.push({
  id: "h1 lower-case method",
  h1: ["get /public/x HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"],
  status: 400,
});
rows.push({
  id: "h1 header block over 16 KiB",
  h1: get("/public/x", `X-Big: ${"a".repeat(20_000)}\r\n`),
  status: 431,
});
rows.push({
  id: "h1 body smuggles a second request (Content-Length)",
  h1: post(`Content-Length: ${SMUGGLED.length}\r\n`, SMUGGLED),
  status: 200,
  backend: { url: "/pub/echo", outcome: "complete" },
});
rows.push({
  id: "h1 pipelined request after a chunked body goes through the plan",
  h1: [
    "POST /public/echo HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /sec/admin HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n",
  ],
  status: 200,
  backend: { url: "/pub/echo" },
});
rows.push({
  id: "h1 chunked body forwarded whole",
  h1: post("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"),
  status: 200,
  backend: { url: "/pub/echo", outcome: "complete" },
});

// ── Hop-by-hop request headers never reach the backend ────────────────────────────────────────
const hop = (headers: string, lacks: string[], id: string) =>
  rows.push({
    id: `h1 hop-by-hop ${id}`,
    h1: get("/public/x", headers),
    status: 200,
    backend: { url: "/pub/x", lacks },
  });
hop("Connection: x-secret\r\nX-Secret: 1\r\n", ["x-secret"], "named in Connection");
hop("Connection: x-a, x-b\r\nX-A: 1\r\nX-B: 2\r\n", ["x-a", "x-b"], "two named in Connection");
hop("Keep-Alive: timeout=300\r\n", ["keep-alive"], "Keep-Alive");
hop("Proxy-Connection: keep-alive\r\n", ["proxy-connection"], "Proxy-Connection");
hop("TE: trailers\r\n", ["te"], "TE");
hop("Proxy-Authorization: Basic eDp5\r\n", ["proxy-authorization"], "Proxy-Authorization");
hop("HTTP2-Settings: AAMAAABkAAQAAP__\r\n", ["http2-settings"], "HTTP2-Settings");
hop("Upgrade: h2c\r\n", ["upgrade"], "Upgrade without Connection: upgrade");
rows.push({
  id: "h1 h2c upgrade attempt is not honoured",
  h1: get(
    "/public/x",
    "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n",
  ),
  status: 200,
  backend: { url: "/pub/x", lacks: ["http2-settings"] },
});

// ── WebSocket handshakes take the same path handling and plans ────────────────────────────────
const ws = (path: string) => [
  `GET ${path} HTTP/1.1\r\nHost: gw\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
];
rows.push({
  id: "h1 websocket handshake traversal → secure API, no key",
  h1: ws("/public/../sec/ws"),
  status: 401,
});
rows.push({ id: "h1 websocket handshake encoded traversal", h1: ws("/public/%2e%2e/sec/ws"), status: 401 });
rows.push({ id: "h1 websocket handshake malformed escape", h1: ws("/public/%zz"), status: 400 });
rows.push({
  id: "h1 websocket handshake, two Host headers",
  h1: ws("/public/ws").map((s) => s.replace("Host: gw", "Host: gw\r\nHost: gw")),
  status: 400,
});
rows.push({ id: "h1 websocket handshake, no context path", h1: ws("/nowhere/ws"), status: 404 });

// ── What backends answer ──────────────────────────────────────────────────────────────────────
const answer = (name: string, status: number, response: Row["response"], id = name) => {
  both(
    `backend answers ${id}`,
    `/public/answer/${name}`,
    status,
    { url: `/pub/answer/${name}` },
    { response },
  );
};
answer("204-with-length", 204, { body: "", lacks: ["content-length"] });
answer("304-with-length", 304, { body: "", has: { etag: '"x"' } });
answer("early-hints-then-200", 200, { body: "ok" });
answer("processing-then-200", 200, { body: "ok" });
answer("hop-by-hop", 200, {
  body: "ok",
  has: { "x-kept": "yes" },
  lacks: [
    "te",
    "http2-settings",
    "proxy-connection",
    "upgrade",
    "x-private",
    "proxy-authenticate",
    "trailer",
  ],
});
answer("chunked-with-trailer", 200, { lacks: ["trailer"] });
answer("switching-unasked", 502, {});
answer("bad-header", 502, {});
answer("continue-then-200", 200, { body: "ok" });
answer("continue-twice-then-103-then-201", 201, { body: "ok", lacks: ["link"] });
both(
  "backend never answers → 504 after readTimeout",
  "/public/answer/no-answer",
  504,
  {
    url: "/pub/answer/no-answer",
    abandoned: true,
  },
  { waitMs: 3000 },
);
rows.push({
  id: "h1 HEAD has no body",
  h1: get("/public/x", "", "HEAD"),
  status: 200,
  response: { body: "", has: { "content-length": "16" } },
  backend: { url: "/pub/x" },
});
rows.push({
  id: "h2 HEAD has no body",
  h2: h2get("/public/x", { ":method": "HEAD" }),
  status: 200,
  response: { body: "" },
  backend: { url: "/pub/x" },
});

// ── Slow and silent clients (the hostile gateway runs with 1 s limits) ─────────────────────────
rows.push({
  id: "h1 silent connection is closed",
  h1: [],
  status: "closed",
  closesWithinMs: 4000,
  waitMs: 6000,
});
rows.push({
  id: "h1 slow request head → 408",
  h1: [
    "GET /public/x HTTP/1.1\r\n",
    400,
    "Host: gw\r\n",
    400,
    "X-A: 1\r\n",
    400,
    "X-B: 1\r\n",
    400,
    "X-C: 1\r\n",
    400,
    "X-D: 1\r\n",
  ],
  status: 408,
  closesWithinMs: 4500,
  waitMs: 6000,
});
rows.push({
  id: "h1 stalled body: connection closed, backend sees an abort",
  h1: ["POST /public/upload HTTP/1.1\r\nHost: gw\r\nContent-Length: 100\r\n\r\nabc"],
  status: "closed",
  closesWithinMs: 4500,
  waitMs: 6000,
  backend: { url: "/pub/upload", outcome: "aborted" },
});
rows.push({
  id: "h1 1 GB declared, nothing sent: closed",
  h1: ["PUT /public/upload HTTP/1.1\r\nHost: gw\r\nContent-Length: 1000000000\r\n\r\n"],
  status: "closed",
  closesWithinMs: 4500,
  waitMs: 6000,
  backend: { url: "/pub/upload", outcome: "aborted", optional: true },
});
rows.push({
  id: "h1 slow but steady body is served",
  h1: [
    "POST /public/upload HTTP/1.1\r\nHost: gw\r\nConnection: close\r\nContent-Length: 4\r\n\r\n",
    400,
    "a",
    400,
    "b",
    400,
    "c",
    400,
    "d",
  ],
  status: 200,
  waitMs: 4000,
  backend: { url: "/pub/upload", outcome: "complete" },
});
rows.push({
  id: "h1 idle keep-alive connection is closed",
  h1: ["GET /public/x HTTP/1.1\r\nHost: gw\r\n\r\n"],
  status: 200,
  closesWithinMs: 4000,
  waitMs: 6000,
  backend: { url: "/pub/x" },
});

// ═══ A second probe, written apart from the gateway (issue 11's "tried as a new user would") ═══

// ── Transfer-Encoding and Content-Length spelled to split parsers (CL.TE, TE.CL, TE.TE) ───────
const chunkedPost = (te: string, body = "3\r\nabc\r\n0\r\n\r\n") => post(`${te}\r\n`, body);
const framing = (id: string, h1: string[], status: number, backend?: Row["backend"]) =>
  rows.push({ id: `h1 framing ${id}`, h1, status, ...(backend ? { backend } : {}) });
const whole = { url: "/pub/echo", outcome: "complete" } as const;
/** Node's parser fails mid-body: the upstream request may have started, and then it is aborted. */
const midBody = { url: "/pub/echo", outcome: "aborted", optional: true } as const;
framing(
  "TE chunked then TE identity",
  chunkedPost("Transfer-Encoding: chunked\r\nTransfer-Encoding: identity"),
  400,
);
framing(
  "TE identity then TE chunked",
  chunkedPost("Transfer-Encoding: identity\r\nTransfer-Encoding: chunked"),
  501,
);
framing("TE with a tab before chunked", chunkedPost("Transfer-Encoding:\tchunked"), 200, whole);
// Node's parser is stricter than RFC 9110 §5.5 (which allows trailing whitespace): refused, safely.
framing("TE with trailing whitespace", chunkedPost("Transfer-Encoding: chunked \t"), 400);
framing("TE Chunked (case)", chunkedPost("Transfer-Encoding: Chunked"), 200, whole);
framing("TE without a space", chunkedPost("Transfer-Encoding:chunked"), 200, whole);
framing("TE with a vertical tab", chunkedPost("Transfer-Encoding: \u000bchunked"), 400);
framing("TE with a form feed", chunkedPost("Transfer-Encoding: \u000cchunked"), 400);
framing('TE "chunked" quoted', chunkedPost('Transfer-Encoding: "chunked"'), 400);
framing("TE chunked with a parameter", chunkedPost("Transfer-Encoding: chunked;q=1"), 400);
framing("TE chunked, chunked", chunkedPost("Transfer-Encoding: chunked, chunked"), 400);
framing(
  "TE gzip, chunked (a coding the gateway cannot undo)",
  chunkedPost("Transfer-Encoding: gzip, chunked"),
  501,
);
framing("TE name with a trailing space", chunkedPost("Transfer-Encoding : chunked"), 400);
framing("TE folded onto a previous line", chunkedPost("X-A: 1\r\n Transfer-Encoding: chunked"), 400);
framing("TE behind a bare CR", chunkedPost("X-A: 1\rTransfer-Encoding: chunked"), 400);
framing(
  "TE with an underscore is another header",
  [
    "POST /public/echo HTTP/1.1\r\nHost: gw\r\nConnection: close\r\nTransfer_Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc",
  ],
  200,
  { url: "/pub/echo", outcome: "complete", lacks: ["transfer-encoding"] },
);
framing(
  "TE in an HTTP/1.0 request",
  ["POST /public/echo HTTP/1.0\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"],
  400,
);
framing("CL then TE (CL.TE)", post("Content-Length: 6\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\nG"), 400);
framing(
  "TE then CL (TE.CL)",
  post("Transfer-Encoding: chunked\r\nContent-Length: 3\r\n", "8\r\nSMUGGLED\r\n0\r\n\r\n"),
  400,
);
// Kept alive (no Connection: close, after which Node refuses further bytes): the rest of the bytes
// is a request of its own, which the key-protected API refuses.
const keptAlive = (head: string, body: string) => [
  `POST /public/echo HTTP/1.1\r\nHost: gw\r\n${head}\r\n${body}`,
];
framing(
  "CL 0 then a smuggled request",
  keptAlive("Content-Length: 0\r\n", "GET /sec/admin HTTP/1.1\r\nHost: gw\r\n\r\n"),
  200,
  {
    url: "/pub/echo",
    outcome: "complete",
  },
);
framing("CL repeated with the same value", post("Content-Length: 3\r\nContent-Length: 3\r\n", "abc"), 400);
framing("CL with leading zeros", post("Content-Length: 003\r\n", "abc"), 200, whole);
framing("CL with trailing whitespace", post("Content-Length: 3 \r\n", "abc"), 200, whole);
framing("CL beyond 2^64", post("Content-Length: 18446744073709551619\r\n", "abc"), 400);
framing("CL in hex", post("Content-Length: 0x3\r\n", "abc"), 400);
framing("CL with a vertical tab", post("Content-Length:\u000b3\r\n", "abc"), 400);
framing(
  "CL shorter than the body: the rest is a new request",
  keptAlive("Content-Length: 1\r\n", "aGET /sec/admin HTTP/1.1\r\nHost: gw\r\n\r\n"),
  200,
  {
    url: "/pub/echo",
    outcome: "complete",
  },
);
framing(
  "chunk extension",
  chunkedPost("Transfer-Encoding: chunked", "3;name=value\r\nabc\r\n0\r\n\r\n"),
  200,
  whole,
);
framing(
  "chunk extension with a bare LF",
  chunkedPost("Transfer-Encoding: chunked", "3;x\nabc\r\n0\r\n\r\n"),
  400,
);
framing(
  "chunk size with leading spaces",
  chunkedPost("Transfer-Encoding: chunked", "  3\r\nabc\r\n0\r\n\r\n"),
  400,
);
framing("chunk size 0x3", chunkedPost("Transfer-Encoding: chunked", "0x3\r\nabc\r\n0\r\n\r\n"), 400);
framing("chunk size with a sign", chunkedPost("Transfer-Encoding: chunked", "+3\r\nabc\r\n0\r\n\r\n"), 400);
framing(
  "chunk longer than its size",
  chunkedPost("Transfer-Encoding: chunked", "3\r\nabcdef\r\n0\r\n\r\n"),
  400,
  midBody,
);
framing("chunk lines ended by bare LF", chunkedPost("Transfer-Encoding: chunked", "3\nabc\n0\n\n"), 400);
framing(
  "chunk data ended by bare CR",
  chunkedPost("Transfer-Encoding: chunked", "3\r\nabc\r0\r\n\r\n"),
  400,
  midBody,
);
framing(
  "trailer tries Content-Length and Host",
  chunkedPost("Transfer-Encoding: chunked", "3\r\nabc\r\n0\r\nContent-Length: 50\r\nHost: evil\r\n\r\n"),
  400,
  midBody,
);

// ── Header lines and request lines ────────────────────────────────────────────────────────────
const head = (id: string, raw: string, status: number, backend?: Row["backend"]) =>
  rows.push({ id: `h1 head ${id}`, h1: [raw], status, ...(backend ? { backend } : {}) });
const line = (headers: string) => `GET /public/x HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n${headers}\r\n`;
head("bare CR in a header value", line("X-A: a\rb\r\n"), 400);
head("LF inside a header value", line("X-A: a\nX-Injected: 1\r\n"), 400);
head("DEL in a header value", line("X-A: a\u007fb\r\n"), 400);
head("obs-text in a header value passes", line("X-A: caf\u00e9\r\n"), 200, {
  url: "/pub/x",
  has: { "x-a": "caf\u00e9" },
});
head("header name with a tab before the colon", line("X-A\t: 1\r\n"), 400);
head("header line without a colon", line("X-A 1\r\n"), 400);
head("empty header name", line(": 1\r\n"), 400);
head("header name with @", line("X-A@: 1\r\n"), 400);
head("header name in UTF-8", line("X-\u00c3\u00a9: 1\r\n"), 400);
head("bare CR line endings", "GET /public/x HTTP/1.1\rHost: gw\rConnection: close\r\r", 400);
head(
  "request line with a fourth word",
  "GET /public/x HTTP/1.1 extra\r\nHost: gw\r\nConnection: close\r\n\r\n",
  400,
);
head("HTTP/0.9 request line", "GET /public/x\r\n\r\n", 505);
head(
  "HTTP/2.0 in an HTTP/1 request line",
  "GET /public/x HTTP/2.0\r\nHost: gw\r\nConnection: close\r\n\r\n",
  505,
);
head(
  "tab as the request-line separator",
  "GET\t/public/x HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n",
  400,
);
head(
  "request line of 20 KiB",
  `GET /public/${"a".repeat(20_000)} HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n`,
  431,
);
head("3,000 header lines", line("a: 1\r\n".repeat(3000)), 431);
head("1,000 header lines", line("a: 1\r\n".repeat(1000)), 431);
// RFC 9112 §2.2 lets a server skip empty lines before a request; Node's parser refuses them.
head("leading empty lines", `\r\n\r\n${line("")}`, 400);
// No tunnels: Node hands CONNECT to a 'connect' listener, and without one closes the connection.
rows.push({
  id: "h1 head CONNECT authority-form",
  h1: ["CONNECT gw:443 HTTP/1.1\r\nHost: gw:443\r\n\r\n"],
  status: "closed",
});
rows.push({
  id: "h1 head CONNECT to a path",
  h1: ["CONNECT /public/x HTTP/1.1\r\nHost: gw\r\n\r\n"],
  status: "closed",
});
head("GET with an authority-form target", "GET gw:80 HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n", 400);
head(
  "OPTIONS * with a body",
  "OPTIONS * HTTP/1.1\r\nHost: gw\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc",
  400,
);
head(
  "absolute-form upper-case scheme and host",
  "GET HTTP://GW/public/x HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n",
  200,
  { url: "/pub/x" },
);
head(
  "absolute-form with an IPv6 host",
  "GET http://[::1]:8082/public/x HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n",
  200,
  { url: "/pub/x" },
);
head(
  "absolute-form with a fragment",
  "GET http://gw/public/x#/../../sec HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n",
  400,
);
head(
  "absolute-form traversal through an encoded host",
  "GET http://gw%2fsec/../public/x HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n",
  400,
);
head("Host with a slash", "GET /public/x HTTP/1.1\r\nHost: gw/../sec\r\nConnection: close\r\n\r\n", 400);
head(
  "Host with a non-numeric port",
  "GET /public/x HTTP/1.1\r\nHost: gw:abc\r\nConnection: close\r\n\r\n",
  400,
);
head("Host as a list", "GET /public/x HTTP/1.1\r\nHost: gw, api.example\r\nConnection: close\r\n\r\n", 400);
head("Host with userinfo", "GET /public/x HTTP/1.1\r\nHost: user@gw\r\nConnection: close\r\n\r\n", 400);
head("Host with a space inside", "GET /public/x HTTP/1.1\r\nHost: gw evil\r\nConnection: close\r\n\r\n", 400);
head(
  "vhost by a Host with a trailing dot",
  "GET /v/x HTTP/1.1\r\nHost: api.example.\r\nConnection: close\r\n\r\n",
  404,
);
head("Expect with an unknown expectation", line("Expect: 200-ok\r\n"), 417);
head("Connection lists Host", line("Connection: host\r\n"), 200, { url: "/pub/x" });
head(
  "Connection lists the API key header",
  `GET /sec/x HTTP/1.1\r\nHost: gw\r\nConnection: close, x-gravitee-api-key\r\nX-Gravitee-Api-Key: hostile-key-0123456789\r\n\r\n`,
  200,
  { url: "/sec/x", lacks: ["x-gravitee-api-key"] },
);
head(
  "X-Forwarded-For sent by the client is not trusted as the address",
  line("X-Forwarded-For: 10.0.0.1\r\n"),
  200,
  { url: "/pub/x" },
);
rows.push({
  id: "h1 100 pipelined GETs are answered in order",
  h1: [
    Array.from(
      { length: 100 },
      (_, i) =>
        `GET /public/pipe/${i} HTTP/1.1\r\nHost: gw\r\n${i === 99 ? "Connection: close\r\n" : ""}\r\n`,
    ).join(""),
  ],
  status: 200,
  response: { body: JSON.stringify({ url: "/pub/pipe/0" }) },
  waitMs: 4000,
});

// ── Paths ─────────────────────────────────────────────────────────────────────────────────────
for (const path of [
  "/public/%c0%ae%c0%ae/sec/admin",
  "/public/%e0%80%ae%e0%80%ae/sec/admin",
  "/public/%c0%af../sec/admin",
  "/public/%u002e%u002e/sec/admin",
  "/public/..%00/sec/admin",
  "/public/%00",
  "/public/..%0d%0a/sec/admin",
  "/public/%ef%bc%8e%ef%bc%8e/sec/admin",
  "/public/..%c0%afsec/admin",
  "/public/.%00./sec/admin",
]) {
  both(`second probe refused ${path}`, path, 400);
}
both("second probe /public;/../sec/admin → secure", "/public;/../sec/admin", 401);
// `;` is a segment of its own here, and `..` removes it: the keyless API, and no `;` goes upstream.
both("second probe /public/;/../sec/admin stays public", "/public/;/../sec/admin", 200, {
  url: "/pub/sec/admin",
});
both("second probe /sec;x=1/admin is no context path", "/sec;x=1/admin", 404);
both("second probe /SEC/admin is no context path", "/SEC/admin", 404);
both("second probe %2F after the context path", "/public%2F../sec/admin", 400);
both("second probe dots in the query stay", "/public/x?%2e%2e/sec", 200, { url: "/pub/x?%2e%2e/sec" });

// ── HTTP/2 frames node:http2 would not send ──────────────────────────────────────────────────
type Fields = ReadonlyArray<readonly [string, string]>;
const request = (tag: string, path = "/public/x", method = "GET"): Fields => [
  [":method", method],
  [":scheme", "http"],
  [":authority", "gw"],
  [":path", path],
  ["x-row", tag],
  ["x-client", tag],
];
const headersFrame = (fields: Fields, endStream = true) =>
  h2Frame(H2.HEADERS, FLAG.END_HEADERS | (endStream ? FLAG.END_STREAM : 0), 1, hpack(fields));
const raw = (
  id: string,
  fields: (tag: string) => Fields,
  status: number | "closed",
  backend?: Row["backend"],
) =>
  rows.push({
    id: `h2 frames ${id}`,
    h2raw: (tag) => [headersFrame(fields(tag))],
    status,
    ...(backend ? { backend } : {}),
  });
const replace = (fields: Fields, name: string, value: string | undefined): Fields =>
  value === undefined
    ? fields.filter(([n]) => n !== name)
    : fields.map(([n, v]) => [n, n === name ? value : v] as const);

// nghttp2 drops a regular field with an invalid name or value (and resets the stream for upper-case
// names, connection-specific fields and bad pseudo-headers): nothing of it reaches the backend.
raw("a plain request (the rig works)", (t) => request(t), 200, { url: "/pub/x" });
raw("upper-case header name", (t) => [...request(t), ["X-Upper", "1"]], "closed");
raw(
  "upper-case pseudo-header",
  (t) => request(t).map(([n, v]) => [n === ":path" ? ":PATH" : n, v] as const),
  "closed",
);
for (const [name, value] of [
  ["connection", "keep-alive"],
  ["keep-alive", "timeout=5"],
  ["proxy-connection", "keep-alive"],
  ["transfer-encoding", "chunked"],
  ["upgrade", "websocket"],
  ["te", "gzip"],
] as const)
  raw(`connection-specific ${name}: ${value}`, (t) => [...request(t), [name, value]], "closed");
raw("te: trailers is allowed", (t) => [...request(t), ["te", "trailers"]], 200, {
  url: "/pub/x",
  lacks: ["te"],
});
raw("CR LF in a header value", (t) => [...request(t), ["x-a", "1\r\nx-injected: 1"]], 200, {
  url: "/pub/x",
  lacks: ["x-a", "x a", "x:a", "x-injected"],
});
raw("NUL in a header value", (t) => [...request(t), ["x-a", "a\u0000b"]], 200, {
  url: "/pub/x",
  lacks: ["x-a", "x a", "x:a", "x-injected"],
});
raw("CR LF in :path", (t) => replace(request(t), ":path", "/public/x HTTP/1.1\r\nx-injected: 1"), "closed");
raw("space in a header name", (t) => [...request(t), ["x a", "1"]], 200, {
  url: "/pub/x",
  lacks: ["x-a", "x a", "x:a", "x-injected"],
});
raw("colon inside a header name", (t) => [...request(t), ["x:a", "1"]], 200, {
  url: "/pub/x",
  lacks: ["x-a", "x a", "x:a", "x-injected"],
});
raw("leading space in a header value", (t) => [...request(t), ["x-a", " 1"]], 200, {
  url: "/pub/x",
  lacks: ["x-a", "x a", "x:a", "x-injected"],
});
raw("no :method", (t) => replace(request(t), ":method", undefined), "closed");
raw("no :path", (t) => replace(request(t), ":path", undefined), "closed");
raw("no :scheme", (t) => replace(request(t), ":scheme", undefined), "closed");
raw("empty :path", (t) => replace(request(t), ":path", ""), "closed");
raw(":path without a leading slash", (t) => replace(request(t), ":path", "public/x"), "closed");
raw(":path * on a GET", (t) => replace(request(t), ":path", "*"), "closed");
raw(":path in absolute form", (t) => replace(request(t), ":path", "http://gw/public/x"), "closed");
raw(
  "two :path",
  (t) => [...request(t).slice(0, 4), [":path", "/sec/admin"], ...request(t).slice(4)],
  "closed",
);
raw(
  "pseudo-header after a regular one",
  (t) => [...replace(request(t), ":path", undefined), [":path", "/public/x"]],
  "closed",
);
raw(":status in a request", (t) => [[":status", "200"], ...request(t)], "closed");
raw(
  "unknown pseudo-header",
  (t) => [...request(t).slice(0, 4), [":foo", "bar"], ...request(t).slice(4)],
  "closed",
);
raw(
  ":protocol without extended CONNECT",
  (t) => [...request(t).slice(0, 4), [":protocol", "websocket"], ...request(t).slice(4)],
  "closed",
);
raw("lower-case :method", (t) => replace(request(t), ":method", "get"), 400);
raw(":method with a space", (t) => replace(request(t), ":method", "GET /sec/admin"), "closed");
raw(":scheme javascript", (t) => replace(request(t), ":scheme", "javascript"), 200, { url: "/pub/x" });
raw(":authority with userinfo", (t) => replace(request(t), ":authority", "user@gw"), "closed");
raw(":authority with a slash", (t) => replace(request(t), ":authority", "gw/../sec"), "closed");
raw(
  "CONNECT (RFC 9113 §8.5)",
  (t) => [
    [":method", "CONNECT"],
    [":authority", "gw:443"],
    ["x-row", t],
  ],
  405,
);
raw(
  "extended CONNECT for a WebSocket (RFC 8441), not offered",
  (t) => [
    [":method", "CONNECT"],
    [":protocol", "websocket"],
    [":scheme", "http"],
    [":path", "/public/ws"],
    [":authority", "gw"],
    ["sec-websocket-version", "13"],
    ["x-row", t],
  ],
  "closed",
);
raw(
  "an HTTP/1.1 WebSocket handshake over h2",
  (t) => [
    ...request(t, "/public/ws"),
    ["sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="],
    ["sec-websocket-version", "13"],
  ],
  200,
  { url: "/pub/ws", lacks: ["upgrade"] },
);
rows.push({
  id: "h2 frames body shorter than content-length",
  h2raw: (t) => [
    h2Frame(
      H2.HEADERS,
      FLAG.END_HEADERS,
      1,
      hpack([...request(t, "/public/upload", "POST"), ["content-length", "10"]]),
    ),
    h2Frame(H2.DATA, FLAG.END_STREAM, 1, Buffer.from("abc")),
  ],
  status: "closed",
  backend: { url: "/pub/upload", outcome: "aborted", optional: true },
});
rows.push({
  id: "h2 frames body longer than content-length",
  h2raw: (t) => [
    h2Frame(
      H2.HEADERS,
      FLAG.END_HEADERS,
      1,
      hpack([...request(t, "/public/upload", "POST"), ["content-length", "2"]]),
    ),
    h2Frame(H2.DATA, FLAG.END_STREAM, 1, Buffer.from("abcdef")),
  ],
  status: "closed",
  backend: { url: "/pub/upload", outcome: "aborted", optional: true },
});
rows.push({
  id: "h2 frames CONTINUATION flood (CVE-2024-27316 class) closes the connection",
  h2raw: (t) => [
    h2Frame(H2.HEADERS, 0, 1, hpack(request(t))),
    ...Array.from({ length: 5000 }, (_, i) =>
      h2Frame(H2.CONTINUATION, 0, 1, hpack([[`x-c${i}`, "v".repeat(100)]])),
    ),
  ],
  status: "closed",
  closesWithinMs: 3000,
  waitMs: 4000,
});
rows.push({
  id: "h2 frames endless CONTINUATION of empty frames closes the connection",
  h2raw: (t) => [
    h2Frame(H2.HEADERS, 0, 1, hpack(request(t))),
    ...Array.from({ length: 20_000 }, () => h2Frame(H2.CONTINUATION, 0, 1)),
  ],
  status: "closed",
  closesWithinMs: 3000,
  waitMs: 4000,
});
rows.push({
  id: "h2 frames HPACK bomb (one 4 KiB entry referenced 2,000 times)",
  h2raw: (t) => [
    h2Frame(
      H2.HEADERS,
      FLAG.END_HEADERS | FLAG.END_STREAM,
      1,
      Buffer.concat([hpack(request(t)), hpackIndexed("x-bomb", "b".repeat(4000)), Buffer.alloc(2000, 0xbe)]),
    ),
  ],
  status: "closed",
});
rows.push({
  id: "h2 frames SETTINGS flood closes the connection",
  h2raw: () => [Buffer.concat(Array.from({ length: 50_000 }, () => h2Frame(H2.SETTINGS, 0, 0)))],
  status: "closed",
  closesWithinMs: 3000,
  waitMs: 4000,
});
rows.push({
  id: "h2 frames PING flood closes the connection",
  h2raw: () => [Buffer.concat(Array.from({ length: 50_000 }, () => h2Frame(H2.PING, 0, 0, Buffer.alloc(8))))],
  status: "closed",
  closesWithinMs: 3000,
  waitMs: 4000,
});
rows.push({
  id: "h2 frames empty DATA flood (CVE-2019-9518) closes the connection",
  h2raw: (t) => [
    h2Frame(H2.HEADERS, FLAG.END_HEADERS, 1, hpack(request(t, "/public/upload", "POST"))),
    Buffer.concat(Array.from({ length: 20_000 }, () => h2Frame(H2.DATA, 0, 1))),
  ],
  status: "closed",
  closesWithinMs: 3000,
  waitMs: 4000,
  backend: { url: "/pub/upload", outcome: "aborted", optional: true },
});
rows.push({
  id: "h2 frames headers dripped one CONTINUATION a second are cut off",
  h2raw: (t) => [
    h2Frame(H2.HEADERS, 0, 1, hpack(request(t))),
    ...Array.from({ length: 8 }, (_, i) => [
      600,
      h2Frame(H2.CONTINUATION, 0, 1, hpack([[`x-d${i}`, "1"]])),
    ]).flat(),
  ],
  status: "closed",
  closesWithinMs: 4500,
  waitMs: 6000,
});

// ── Slow clients, other shapes ────────────────────────────────────────────────────────────────
rows.push({
  id: "h1 slowloris: one header byte every 300 ms → 408",
  h1: ["GET /public/x HTTP/1.1\r\nHost: gw\r\n", ...Array.from({ length: 20 }, () => [300, "X"]).flat()],
  status: 408,
  closesWithinMs: 4500,
  waitMs: 7000,
});
rows.push({
  id: "h1 slowloris: keep-alive request then a slow second head",
  h1: [
    "GET /public/x HTTP/1.1\r\nHost: gw\r\n\r\n",
    200,
    "GET /public/y HTTP/1.1\r\n",
    ...Array.from({ length: 12 }, () => [400, "X-S: 1\r\n"]).flat(),
  ],
  status: 200,
  closesWithinMs: 4500,
  waitMs: 7000,
  backend: { url: "/pub/x" },
});
rows.push({
  id: "h1 slow chunked body, one byte a chunk every 300 ms, is served",
  h1: [
    "POST /public/upload HTTP/1.1\r\nHost: gw\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n",
    ...Array.from({ length: 5 }, () => [300, "1\r\na\r\n"]).flat(),
    "0\r\n\r\n",
  ],
  status: 200,
  waitMs: 4000,
  backend: { url: "/pub/upload", outcome: "complete" },
});
rows.push({
  id: "h1 chunked body that stops mid-chunk: closed, backend sees an abort",
  h1: ["POST /public/upload HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc"],
  status: "closed",
  closesWithinMs: 4500,
  waitMs: 6000,
  backend: { url: "/pub/upload", outcome: "aborted" },
});

export const ROWS: readonly Row[] = rows;

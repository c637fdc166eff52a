// How the differential suite decides that two gateways answered alike. Compared: the status, every
// response header, the response body and its framing, and for each request the backend received,
// its method, target, headers, body and framing. Values that are unique per request are compared
// by presence and format — generated ids (UUIDs), client-identifier hashes, dates, rate-limit reset
// instants — and the port numbers of the gateway and backend under test by role. JSON bodies are
// compared as JSON values (member order carries no meaning, RFC 8259 §4; Gravitee's xml-json
// builds objects in hash order).
import { createHash } from "node:crypto";
import type { Observed } from "./exchange.ts";
import type { Recorded } from "./recording-backend.ts";

export interface Difference {
  /** `status`, `response.header.<name>`, `response.body`, `upstream.count`, `upstream.header.<name>` … */
  field: string;
  gravitee: string;
  sluice: string;
}

export interface Side {
  observed: Observed;
  upstream: Recorded[];
  gatewayPort: number;
  backendPort: number;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const LONG_HEX = /\b[0-9a-f]{32,}\b/gi;
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
/** Headers whose value is an instant: compared as "a number" (`X-Rate-Limit-Reset` …). */
const INSTANT = /-reset$/;
const BODY_PREVIEW = 160;

export function compare(gravitee: Side, sluice: Side): Difference[] {
  const out: Difference[] = [];
  const push = (field: string, g: string, s: string) => {
    if (g !== s) out.push({ field, gravitee: g, sluice: s });
  };
  push("error", gravitee.observed.error ?? "", sluice.observed.error ?? "");
  push("status", String(gravitee.observed.status), String(sluice.observed.status));
  compareHeaders(
    "response.header",
    headerMap(gravitee, gravitee.observed.rawHeaders),
    headerMap(sluice, sluice.observed.rawHeaders),
    push,
  );
  push("response.framing", gravitee.observed.framing, sluice.observed.framing);
  push("response.body", body(gravitee.observed.body), body(sluice.observed.body));

  push("upstream.count", String(gravitee.upstream.length), String(sluice.upstream.length));
  const n = Math.min(gravitee.upstream.length, sluice.upstream.length);
  for (let i = 0; i < n; i++) {
    const g = gravitee.upstream[i]!;
    const s = sluice.upstream[i]!;
    const at = n > 1 ? `upstream[${i}]` : "upstream";
    push(`${at}.method`, g.method, s.method);
    push(`${at}.target`, byRole(gravitee, g.url), byRole(sluice, s.url));
    compareHeaders(`${at}.header`, headerMap(gravitee, g.rawHeaders), headerMap(sluice, s.rawHeaders), push);
    push(`${at}.framing`, g.framing, s.framing);
    push(`${at}.body`, body(g.body), body(s.body));
  }
  return out;
}

function compareHeaders(
  prefix: string,
  g: Map<string, string>,
  s: Map<string, string>,
  push: (field: string, g: string, s: string) => void,
): void {
  const names = [...new Set([...g.keys(), ...s.keys()])].sort();
  for (const name of names) push(`${prefix}.${name}`, g.get(name) ?? "(absent)", s.get(name) ?? "(absent)");
}

/** name (lower case) → its values joined in order, normalised by format and role. */
function headerMap(side: Side, raw: readonly string[]): Map<string, string> {
  const values = new Map<string, string[]>();
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const list = values.get(name) ?? [];
    list.push(normaliseValue(side, name, raw[i + 1]!));
    values.set(name, list);
  }
  return new Map([...values].map(([name, list]) => [name, list.join(" | ")]));
}

function normaliseValue(side: Side, name: string, value: string): string {
  if (name === "date") return HTTP_DATE.test(value) ? "<http-date>" : value;
  if (INSTANT.test(name) && /^\d+$/.test(value)) return "<instant>";
  return byRole(side, value).replace(UUID, "<uuid>").replace(LONG_HEX, "<hash>");
}

/** Port numbers of the gateway and backend under test, by role. */
function byRole(side: Side, text: string): string {
  return text
    .replaceAll(`:${side.gatewayPort}`, ":<gateway-port>")
    .replaceAll(`:${side.backendPort}`, ":<backend-port>");
}

function body(bytes: Buffer): string {
  const json = asJson(bytes);
  if (json !== undefined) return json;
  if (bytes.length <= BODY_PREVIEW && !bytes.includes(0)) return JSON.stringify(bytes.toString("utf8"));
  const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  return `${bytes.length} bytes sha256:${digest}`;
}

/** A JSON document with its object members sorted, or undefined when the bytes are not JSON. */
function asJson(bytes: Buffer): string | undefined {
  const text = bytes.toString("utf8").trim();
  if (!text.startsWith("{") && !text.startsWith("[")) return undefined;
  try {
    return `json:${JSON.stringify(sorted(JSON.parse(text)))}`;
  } catch {
    return undefined;
  }
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sorted(v)]),
  );
}

// Response compression for bodies the gateway writes itself (http-get pages): brotli or gzip when
// the client offers them in Accept-Encoding (RFC 9110 §12.5.3), `identity` otherwise. Small bodies
// are sent as they are: below MIN_BYTES the encoding costs more than it saves. Streams (sse,
// websocket) are not compressed here: a compressor buffers, and a stream must flush every event.
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { GatewayResponse } from "../contract.ts";

export const MIN_BYTES = 512;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type ContentCoding = "br" | "gzip";

/** The coding to use for `accept-encoding`: br before gzip; `q=0` refuses; `*` offers both. */
export function chooseCoding(acceptEncoding: string | string[] | undefined): ContentCoding | undefined {
  if (!acceptEncoding) return undefined;
  const offered = new Map<string, number>();
  for (const part of String(acceptEncoding).split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith("q="));
    offered.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const accepts = (coding: string) => (offered.get(coding) ?? offered.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return undefined;
}

/** Adds a field name to Vary, keeping what earlier stages (CORS: `Origin`) put there. */
export function addVary(response: GatewayResponse, field: string): void {
  const current = response.getHeader("vary");
  const names =
    current === undefined
      ? []
      : String(current)
          .split(",")
          .map((s) => s.trim());
  if (!names.some((n) => n.toLowerCase() === field.toLowerCase())) names.push(field);
  response.setHeader("vary", names.filter((n) => n !== "").join(", "));
}

/**
 * The body to send, compressed when the client offers a coding and the body is worth it; sets
 * `content-encoding` and `vary`. The caller sets `content-length` from the returned buffer.
 */
export async function encodeBody(
  body: string | Buffer,
  acceptEncoding: string | string[] | undefined,
  response: GatewayResponse,
): Promise<Buffer> {
  const raw = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  addVary(response, "Accept-Encoding");
  const coding = raw.length >= MIN_BYTES ? chooseCoding(acceptEncoding) : undefined;
  if (!coding) return raw;
  response.setHeader("content-encoding", coding);
  return coding === "br"
    ? brotli(raw, {
        params: {
          // Quality 4: most of brotli's gain at a fraction of the default 11's cost per request.
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      })
    : gzipAsync(raw, { level: 6 });
}

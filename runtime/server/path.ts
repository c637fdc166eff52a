// The request target as the gateway decides on it. Routing, plan selection, flow matching and the
// upstream request all use the path this module returns, so a backend that resolves `..` itself
// (RFC 3986 §5.2.4) serves the resource the gateway authorised, not another one:
// `/public/../sec/admin` is `/sec/admin` before anything looks at it.
//
// Modes follow Gravitee 4.13's `http.pathHandling` (default NORMALIZE):
// - NORMALIZE: decode percent-encoded unreserved characters (`%61dmin` → `admin`, RFC 3986
//   §6.2.2.2), upper-case the other escapes (§6.2.2.1), resolve dot segments — also encoded ones,
//   `%2e%2e`, `.%2E` — (§5.2.4; climbing above the root is discarded), merge empty segments (`//`).
//   Encoded slashes (`%2F`) stay encoded and are no separators. Refused (400): a malformed escape
//   (`%zz`, `%4`), a dot segment carrying path parameters (`..;x`: Tomcat and Jetty read it as
//   `..`, a conformant receiver does not, so no single reading is safe), a dot segment that only
//   further decoding reveals (`..%2F`, `%252e%252e`, a fullwidth solidus), a double-encoded
//   unreserved character (`%2561dmin`: `admin` to a receiver that decodes twice), a raw backslash (IIS reads
//   it as `/`; RFC 3986 allows it nowhere in a path) or `#` (no fragment in a request target),
//   control characters.
// - REJECT: the path is forwarded as received, but one with a dot segment (raw or encoded) or a
//   malformed escape is refused (400).
// - RAW: the path as received (Gravitee before 4.13); only control characters are refused.
// Absolute-form targets (`GET http://host/ctx/x`, RFC 9112 §3.2.2) are routed by their path, and
// their authority replaces the Host header.
// https://documentation.gravitee.io/apim/configure-and-manage-the-platform/gravitee-gateway/request-path-handling

import type { GatewayRequest } from "../contract.ts";

export type PathHandling = "NORMALIZE" | "REJECT" | "RAW";

export const PATH_HANDLINGS: readonly PathHandling[] = ["NORMALIZE", "REJECT", "RAW"];

export interface RequestTarget {
  /** The path without the query, as routing and flows see it. */
  readonly path: string;
  /** Path and query: what the request's `url` becomes and what goes upstream. */
  readonly url: string;
  /** The authority of an absolute-form target (`host[:port]`), which replaces Host. */
  readonly authority?: string;
}

/** Why a request was refused before routing (the log's detail); the client gets `status`. */
export class BadTarget {
  readonly reason: string;
  /** 400, or 501 for a transfer coding the gateway does not implement, 505 for an HTTP version. */
  readonly status: 400 | 501 | 505;
  constructor(reason: string, status: 400 | 501 | 505 = 400) {
    this.reason = reason;
    this.status = status;
  }
}

const ABSOLUTE = /^https?:\/\/([^/?#]*)/i;

/** Parses and normalises a request target (`req.url`); the same string back when nothing changes. */
export function resolveTarget(url: string, mode: PathHandling): RequestTarget | BadTarget {
  let authority: string | undefined;
  let rest = url;
  if (url.charCodeAt(0) !== 47 /* / */) {
    const m = ABSOLUTE.exec(url);
    if (!m) return new BadTarget("request target is neither origin-form nor absolute-form");
    authority = m[1]!;
    if (authority === "" || authority.includes("@"))
      return new BadTarget("absolute-form target without a host, or with userinfo");
    rest = url.slice(m[0].length);
    if (rest.charCodeAt(0) !== 47) rest = `/${rest}`;
  }
  const q = rest.indexOf("?");
  const raw = q >= 0 ? rest.slice(0, q) : rest;
  const path = mode === "RAW" ? checkRaw(raw) : normalisePath(raw, mode === "REJECT");
  if (typeof path !== "string") return path;
  const out = path === raw && rest === url ? url : q >= 0 ? path + rest.slice(q) : path;
  return authority === undefined ? { path, url: out } : { path, url: out, authority };
}

/**
 * The normalised path, or why it is refused. The fast path — no `%`, no `//`, no segment starting
 * with `.`, nothing outside printable ASCII — returns the argument itself, without allocating.
 * With `check` (REJECT), the path is returned unchanged unless it must be refused.
 */
export function normalisePath(path: string, check = false): string | BadTarget {
  let simple = true;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 37 /* % */ || c === 92 /* \ */ || c === 35 /* # */ || c <= 32 || c >= 127) {
      simple = false;
      break;
    }
    if (c === 47 /* / */) {
      const next = path.charCodeAt(i + 1);
      if (next === 47 || next === 46 /* . */) {
        simple = false;
        break;
      }
    }
  }
  if (simple) return path;
  const decoded = decodeUnreserved(path);
  if (typeof decoded !== "string") return decoded;
  const segments = decoded.split("/");
  const out: string[] = [];
  let trailingSlash = false;
  let dotSegment = false;
  // segments[0] is "" (the path starts with `/`).
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (seg === "." || seg === "..") {
      dotSegment = true;
      if (seg === "..") out.pop();
      trailingSlash = last;
      continue;
    }
    if (seg.startsWith(".;") || seg.startsWith("..;"))
      return new BadTarget("dot segment with path parameters");
    if (hidesDotSegment(seg)) return new BadTarget("dot segment behind an encoded slash");
    if (seg === "") {
      trailingSlash = last;
      continue;
    }
    out.push(seg);
  }
  if (check) return dotSegment ? new BadTarget("dot segment in the path") : path;
  const joined = `/${out.join("/")}`;
  return trailingSlash && out.length > 0 ? `${joined}/` : joined;
}

/**
 * A dot segment that only a receiver decoding more than once (or folding Unicode) would see:
 * `..%2F`, `%5C..`, `%252e%252e`, `x%252f..`, `..%EF%BC%8F` (a fullwidth solidus). RFC 3986 says
 * to decode once; such backends exist (servlet filters, IIS, double-decoding frameworks), and no
 * legitimate name needs these shapes, so they are refused rather than passed on.
 */
function hidesDotSegment(seg: string): boolean {
  if (!seg.includes("%")) return false;
  let text = seg;
  for (let round = 0; round < 3 && text.includes("%"); round++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      break;
    }
    const parts = text.normalize("NFKC").split(/[/\\;]/);
    if (parts.some((part) => part === "." || part === "..")) return true;
  }
  return false;
}

/** RAW mode: the path as received, but control characters and spaces are never forwarded. */
function checkRaw(path: string): string | BadTarget {
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c <= 32 || c === 127) return new BadTarget("control character in the path");
  }
  return path;
}

const HEX = "0123456789ABCDEF";

/** Percent-decodes unreserved characters; other escapes upper-cased; non-ASCII percent-encoded. */
function decodeUnreserved(path: string): string | BadTarget {
  let out = "";
  /** The byte of the escape just before, if the previous character was one (-1 otherwise). */
  let lead = -1;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 37) {
      const hi = hexValue(path.charCodeAt(i + 1));
      const lo = hexValue(path.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return new BadTarget("malformed percent-escape in the path");
      const byte = hi * 16 + lo;
      if (byte < 32 || byte === 127) return new BadTarget("encoded control character in the path");
      // An overlong UTF-8 form (`%C0%AE` is `.` to a decoder that accepts it; RFC 3629 §10 forbids
      // it): a lead byte C0/C1 before a continuation byte, E0 before 80–9F, F0 before 80–8F.
      if (
        (lead === 0xc0 || lead === 0xc1 ? byte >= 0x80 && byte <= 0xbf : false) ||
        (lead === 0xe0 && byte >= 0x80 && byte <= 0x9f) ||
        (lead === 0xf0 && byte >= 0x80 && byte <= 0x8f)
      )
        return new BadTarget("overlong UTF-8 in the path");
      lead = byte;
      out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${HEX[hi]}${HEX[lo]}`;
      i += 2;
      continue;
    } else if (c <= 32 || c === 127) {
      return new BadTarget("control character in the path");
    } else if (c === 92 || c === 35) {
      return new BadTarget(c === 92 ? "backslash in the path" : "fragment in the request target");
    } else if (c >= 128) {
      // Node reads HTTP/1.1 targets as latin1: one char a byte. Anything wider is UTF-16 text.
      out += c < 256 ? `%${HEX[c >> 4]}${HEX[c & 15]}` : encodeURIComponent(path[i]!);
    } else {
      out += path[i];
    }
    lead = -1;
  }
  // `%2561` is `%61` to a receiver that decodes once, `a` to one that decodes twice (checked on
  // the result: `%25%36%31` becomes `%2561` here).
  for (let at = out.indexOf("%25"); at >= 0; at = out.indexOf("%25", at + 3)) {
    const hi = hexValue(out.charCodeAt(at + 3));
    const lo = hexValue(out.charCodeAt(at + 4));
    if (hi >= 0 && lo >= 0 && isUnreserved(hi * 16 + lo))
      return new BadTarget("double-encoded character in the path");
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** RFC 3986 §2.3: ALPHA / DIGIT / "-" / "." / "_" / "~". */
function isUnreserved(b: number): boolean {
  return (
    (b >= 65 && b <= 90) ||
    (b >= 97 && b <= 122) ||
    (b >= 48 && b <= 57) ||
    b === 45 ||
    b === 46 ||
    b === 95 ||
    b === 126
  );
}

/** `SLUICE_PATH_HANDLING`; an unknown value falls back to NORMALIZE (Gravitee does the same). */
export function pathHandlingFrom(value: string | undefined): { mode: PathHandling; unknown?: string } {
  if (value === undefined || value === "") return { mode: "NORMALIZE" };
  const upper = value.toUpperCase();
  return (PATH_HANDLINGS as readonly string[]).includes(upper)
    ? { mode: upper as PathHandling }
    : { mode: "NORMALIZE", unknown: value };
}

/**
 * Resolves a request's target in place before anything routes it: `url` normalised, the Host of an
 * absolute-form target taken from it; a request with two Host headers (RFC 9112 §3.2), or whose
 * HTTP/2 `host` contradicts `:authority` (RFC 9113 §8.3.1), is refused. Returns the routing path.
 */
export function admitRequest(req: GatewayRequest, mode: PathHandling): string | BadTarget {
  // Node's HTTP/1 parser also takes `HTTP/0.9`-style and `HTTP/2.0` request lines.
  if (req.httpVersionMajor !== 1 && !("stream" in req))
    return new BadTarget(`HTTP/${req.httpVersion} request line`, 505);
  const te = req.headers["transfer-encoding"];
  if (te !== undefined) {
    // RFC 9112 §6.1 and §6.3: Transfer-Encoding in an HTTP/1.0 request, or without `chunked` as
    // the final coding, is faulty framing (400); codings before a final `chunked` (gzip, identity,
    // a second chunked) are ones the gateway does not implement (501).
    if (req.httpVersionMinor === 0) return new BadTarget("Transfer-Encoding in an HTTP/1.0 request");
    const codings = te.toLowerCase();
    if (codings !== "chunked")
      return new BadTarget(`Transfer-Encoding ${te}`, /,\s*chunked$/.test(codings) ? 501 : 400);
  }
  const raw = req.rawHeaders;
  let hosts = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 4 && name.toLowerCase() === "host") hosts++;
  }
  if (hosts > 1) return new BadTarget("more than one Host header");
  const authority = req.headers[":authority"];
  if (hosts === 1 && authority !== undefined && authority !== req.headers.host)
    return new BadTarget("host and :authority differ");
  const host = req.headers.host;
  if (host !== undefined && !validHost(host)) return new BadTarget("invalid Host");
  const target = resolveTarget(req.url ?? "/", mode);
  if (target instanceof BadTarget) return target;
  if (target.authority !== undefined && !validHost(target.authority))
    return new BadTarget("invalid authority in an absolute-form target");
  if (target.url !== req.url) req.url = target.url;
  if (target.authority !== undefined) req.headers.host = target.authority;
  return target.path;
}

/**
 * RFC 9112 §3.2 asks for 400 on a Host that is not `uri-host [":" port]` (RFC 3986 §3.2.2): an
 * IP literal in brackets, or a reg-name, then digits after a colon. A slash, `@`, a space or a
 * second colon outside brackets would give routing, `#request.host` and the logs a value that names
 * no host. Percent-escapes, which RFC 3986 allows in a reg-name, are refused too: DNS names are
 * ASCII (IDNs travel as punycode), and `gw%2Fx` names no host either.
 */
export function validHost(host: string): boolean {
  let i = 0;
  if (host.charCodeAt(0) === 91 /* [ */) {
    const end = host.indexOf("]");
    if (end < 0) return false;
    for (i = 1; i < end; i++) {
      const c = host.charCodeAt(i);
      if (!((hexValue(c) >= 0 || c === 58 /* : */ || c === 46) /* . */)) return false;
    }
    i = end + 1;
  } else {
    for (; i < host.length; i++) {
      const c = host.charCodeAt(i);
      if (c === 58) break;
      if (!(isUnreserved(c) || SUB_DELIMS.includes(c))) return false;
    }
  }
  if (i === host.length) return true;
  if (host.charCodeAt(i) !== 58) return false;
  for (i++; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** RFC 3986 §2.2 sub-delims: ! $ & ' ( ) * + , ; = */
const SUB_DELIMS = [33, 36, 38, 39, 40, 41, 42, 43, 44, 59, 61];

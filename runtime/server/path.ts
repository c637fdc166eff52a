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

/** Why a target was refused (the 400's log detail; the client gets `Bad Request`). */
export class BadTarget {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
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
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 37) {
      const hi = hexValue(path.charCodeAt(i + 1));
      const lo = hexValue(path.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return new BadTarget("malformed percent-escape in the path");
      const byte = hi * 16 + lo;
      out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${HEX[hi]}${HEX[lo]}`;
      i += 2;
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
  const target = resolveTarget(req.url ?? "/", mode);
  if (target instanceof BadTarget) return target;
  if (target.url !== req.url) req.url = target.url;
  if (target.authority !== undefined) req.headers.host = target.authority;
  return target.path;
}

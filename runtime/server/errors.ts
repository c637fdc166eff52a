// Gravitee's error responses (docs/contract.md §4, checked against the real gateway by
// test/differential/): errors of policies and plans are `{"message": "...", "http_status_code": N}`
// as JSON when the client accepts JSON (`application/json` or `*/*`), otherwise the message alone
// as text/plain; the 404 for a request no API serves is always text/plain; endpoint failures
// (NO_ERROR_BODY) are empty. A socket that was not (or not yet) handed to Node's response objects —
// a refused upgrade — gets the same body through writeRawError, the one raw-socket error writer.
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { GatewayRequest, GatewayResponse } from "../contract.ts";

export const NO_CONTEXT_PATH = "No context-path matches the request URI.";
export const BAD_REQUEST = "Bad Request";

/**
 * Responses the gateway broke off after their head was sent (the backend failed mid-body): the
 * metrics count them as 502, not as what the head said, and not as a client that went away.
 */
export const brokenOff = new WeakSet<GatewayResponse>();

export function wantsJson(request: GatewayRequest): boolean {
  const accept = request.headers.accept;
  if (!accept) return false;
  return accept.includes("application/json") || accept.includes("*/*");
}

export function sendError(
  request: GatewayRequest,
  response: GatewayResponse,
  status: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
  /** A policy's own error body (GraphQL errors) in place of Gravitee's, or NO_ERROR_BODY. */
  custom?: { readonly contentType: string; readonly content: string },
): void {
  if (response.headersSent) {
    brokenOff.add(response);
    response.destroy?.();
    return;
  }
  const json = wantsJson(request);
  const body = custom
    ? custom.content
    : json
      ? JSON.stringify({ message, http_status_code: status })
      : message;
  for (const [k, v] of Object.entries(headers)) response.setHeader(k, v);
  const contentType = custom ? custom.contentType : json ? "application/json" : "text/plain";
  send(response, status, contentType, body);
}

/** 404 for a request that no API's context path (and host) matches: text/plain whatever Accept says. */
export function sendNoContextPath(response: GatewayResponse): void {
  if (response.headersSent) return;
  send(response, 404, "text/plain", NO_CONTEXT_PATH);
}

function send(response: GatewayResponse, status: number, contentType: string, body: string): void {
  if (contentType !== "") response.setHeader("content-type", contentType);
  response.setHeader("content-length", Buffer.byteLength(body));
  response.statusCode = status;
  response.end(body);
}

/** A response template's answer (./response-templates.ts) in place of the error body. */
export function sendTemplated(
  response: GatewayResponse,
  templated: { status: number; headers: Readonly<Record<string, string>>; body: string },
): void {
  if (response.headersSent) {
    response.destroy?.();
    return;
  }
  for (const [k, v] of Object.entries(templated.headers)) response.setHeader(k, v);
  response.setHeader("content-length", Buffer.byteLength(templated.body));
  response.statusCode = templated.status;
  response.end(templated.body);
}

/** An HTTP/1.1 response head written by hand (upgrades and refused upgrades). */
export function rawHead(status: number, headers: Record<string, string | string[] | undefined>): string {
  let out = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) out += `${name}: ${v}\r\n`;
    else out += `${name}: ${value}\r\n`;
  }
  return `${out}\r\n`;
}

/** Gravitee's error body (as sendError) on a raw socket, then the connection is closed. */
export function writeRawError(
  request: GatewayRequest,
  socket: Duplex,
  status: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (socket.destroyed) return;
  const json = wantsJson(request);
  const body = json ? JSON.stringify({ message, http_status_code: status }) : message;
  socket.end(
    rawHead(status, {
      ...headers,
      "content-type": json ? "application/json" : "text/plain",
      "content-length": String(Buffer.byteLength(body)),
      connection: "close",
    }) + body,
  );
}

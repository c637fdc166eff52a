// Gravitee's error responses (SPEC.md §4, checked against the real gateway by test/differential/):
// errors of policies and plans are `{"message": "...", "http_status_code": N}` as JSON when the
// client accepts JSON (`application/json` or `*/*`), otherwise the message alone as text/plain; the
// 404 for a request no API serves is always text/plain; endpoint failures (NO_ERROR_BODY) are empty.
import type { GatewayRequest, GatewayResponse } from "../contract.ts";

export const NO_CONTEXT_PATH = "No context-path matches the request URI.";

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

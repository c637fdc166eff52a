// Gravitee's error responses (docs/contract.md §4): `{"message": "...", "http_status_code": N}` as JSON when
// the client accepts JSON (`application/json` or `*/*`), otherwise the message alone as text/plain.
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
  /** A policy's own error body (GraphQL errors) in place of Gravitee's. */
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
  response.setHeader("content-type", custom ? custom.contentType : json ? "application/json" : "text/plain");
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

// The gateway's HTTP/1.1 response (node:http's ServerResponse, given to the server as its class).
//
// Why: the headers the gateway puts on every response (the request and transaction ids, the client
// identifier) are known long before the head is written. Set with setHeader as they become known,
// they make Node's `writeHead(status, [name, value, …])` — the proxy's fast path writing the
// backend's head (endpoints/http-proxy/forward.ts) — take its slow path: every header of the list
// removed, appended and validated one by one into a header object, then serialised from it. Held
// here instead, they go into that list, and Node writes the head straight from it (about 3 µs of
// CPU a request less, docs/benchmarks.md).
//
// Nothing else sees a difference: the first call of any header method (a policy, CORS, an error
// answer, a message entrypoint) sets the held headers first, in their order, exactly as if they had
// been set at once; a head written any other way gets them too (writeHead, which end() and
// flushHeaders() also go through). After a head written from a list, Node keeps no header object
// (getHeader() would answer undefined): the list is kept and the header getters read it, so what
// reads the response's headers once it is answered (the access log) sees them as before.
import { type OutgoingHttpHeader, type OutgoingHttpHeaders, ServerResponse } from "node:http";

export class GatewayServerResponse extends ServerResponse {
  /** The gateway's own headers not set yet, [name, value, …] (names lower-case). */
  private held: string[] | undefined = undefined;
  /** The list the head was written from, when Node wrote it without a header object. */
  private head: readonly OutgoingHttpHeader[] | undefined = undefined;

  /** A header of the gateway's own, set when the first header method is called or the head is written. */
  holdHeader(name: string, value: string): void {
    if (this.held === undefined) this.held = [name, value];
    else this.held.push(name, value);
  }

  /**
   * The held headers, for a writer that is about to write the whole head from one list (they go
   * first in it): no longer held. Undefined when none are, or when headers were set already (then
   * Node merges the list into them anyway and the held ones are on the response).
   */
  takeHeldHeaders(): string[] | undefined {
    const held = this.held;
    this.held = undefined;
    return held;
  }

  /** No header set on the response itself yet (held ones aside): a head from a list would be kept as that list. */
  noHeaderSet(): boolean {
    return super.getHeaderNames().length === 0;
  }

  private setHeld(): void {
    const held = this.held;
    if (held === undefined) return;
    this.held = undefined;
    for (let i = 0; i < held.length; i += 2) super.setHeader(held[i]!, held[i + 1]!);
  }

  override writeHead(
    statusCode: number,
    reason?: string | OutgoingHttpHeaders | OutgoingHttpHeader[],
    headers?: OutgoingHttpHeaders | OutgoingHttpHeader[],
  ): this {
    this.setHeld();
    super.writeHead(statusCode, reason as string, headers);
    const list = typeof reason === "string" ? headers : reason;
    // Node wrote a list without a header object when none had been set: nothing is stored.
    if (Array.isArray(list) && list.length > 0 && super.getHeaderNames().length === 0) this.head = list;
    return this;
  }

  override setHeader(name: string, value: number | string | readonly string[]): this {
    this.setHeld();
    return super.setHeader(name, value);
  }

  override setHeaders(headers: Headers | Map<string, number | string | readonly string[]>): this {
    this.setHeld();
    return super.setHeaders(headers);
  }

  override appendHeader(name: string, value: string | readonly string[]): this {
    this.setHeld();
    return super.appendHeader(name, value);
  }

  override removeHeader(name: string): void {
    this.setHeld();
    super.removeHeader(name);
  }

  override getHeader(name: string): number | string | string[] | undefined {
    if (this.head) return valuesIn(this.head, name);
    this.setHeld();
    return super.getHeader(name);
  }

  override getHeaders(): OutgoingHttpHeaders {
    const head = this.head;
    if (!head) {
      this.setHeld();
      return super.getHeaders();
    }
    const out: OutgoingHttpHeaders = Object.create(null);
    for (let i = 0; i < head.length; i += 2) {
      const name = String(head[i]).toLowerCase();
      if (!(name in out)) out[name] = valuesIn(head, name);
    }
    return out;
  }

  override getHeaderNames(): string[] {
    if (this.head) return Object.keys(this.getHeaders());
    this.setHeld();
    return super.getHeaderNames();
  }

  override hasHeader(name: string): boolean {
    if (this.head) return valuesIn(this.head, name) !== undefined;
    this.setHeld();
    return super.hasHeader(name);
  }
}

/** A header's value in a flat list, as getHeader() gives it: one value, or all of a repeated header. */
function valuesIn(list: readonly OutgoingHttpHeader[], name: string): string | string[] | undefined {
  const lower = name.toLowerCase();
  let found: string | string[] | undefined;
  for (let i = 0; i < list.length; i += 2) {
    const n = String(list[i]);
    if (n.length !== lower.length || n.toLowerCase() !== lower) continue;
    const value = String(list[i + 1]);
    found = found === undefined ? value : Array.isArray(found) ? [...found, value] : [found, value];
  }
  return found;
}

/**
 * Sets one of the gateway's own headers: held until the head on the gateway's HTTP/1.1 responses
 * (see above), set at once on others (HTTP/2, the response object of an upgrade).
 */
export function setOwnHeader(
  response: { setHeader(name: string, value: string): unknown },
  name: string,
  value: string,
): void {
  if (response instanceof GatewayServerResponse) response.holdHeader(name, value);
  else response.setHeader(name, value);
}

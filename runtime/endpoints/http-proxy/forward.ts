// The proxy's fast path: an undici dispatch handler that writes the backend's answer straight into
// the client's HTTP/1.1 response — status and headers in one writeHead, each body chunk as it
// arrives, backpressure by pausing the upstream socket until the client drains. Used when nothing
// in the API reads or changes the response (no response-phase steps): no response body stream, no
// stream pipeline, no AbortController per request. Node's http server already corks the head with
// the first chunk and the end, so a small answer leaves in one write.
//
// Failures before the head reach the caller as the client library's error (the connector maps it to
// 502/504); after it, the response is cut off (the client sees a truncated body, as with any proxy).
// The client going away aborts the upstream request.
import type { ServerResponse } from "node:http";
import type { Dispatcher } from "undici";
import { brokenOff } from "../../server/errors.ts";
import { GatewayServerResponse } from "../../server/response.ts";
import { DECODERS } from "./compression.ts";
import { HOP_BY_HOP } from "./headers.ts";

/** The gateway's own ids (on the response, or held by it) are never taken from the backend. */
const OWN = new Set(["x-gravitee-request-id", "x-gravitee-transaction-id"]);

export class ForwardHandler implements Dispatcher.DispatchHandler {
  private abortUpstream: ((error?: Error) => void) | undefined;
  private resumeUpstream: (() => void) | undefined;
  private headSent = false;
  /** HEAD, 204 and 304 carry no body (RFC 9110 §6.4.1): whatever the backend sends after the head is dropped. */
  private bodiless = false;
  /** `useCompression`: a gzip/deflate body is decoded on its way to the client (./compression.ts). */
  private decoder: NodeJS.ReadWriteStream | undefined;
  private readonly decode: boolean;
  private readonly timing: { endpointRespondedAt?: number } | undefined;
  private finished = false;
  private readonly onDrain = () => this.resumeUpstream?.();
  private readonly onClientClose = () => {
    if (!this.finished) this.abortUpstream?.(new Error("client closed the connection"));
  };

  private readonly res: ServerResponse;
  private readonly resolve: () => void;
  private readonly reject: (error: Error) => void;
  /** Called once: the backend answered (its head) or failed. */
  private readonly settled: (() => void) | undefined;

  constructor(
    res: ServerResponse,
    resolve: () => void,
    reject: (error: Error) => void,
    settled?: () => void,
    decode = false,
    timing?: { endpointRespondedAt?: number },
  ) {
    this.decode = decode;
    this.timing = timing;
    this.res = res;
    this.resolve = resolve;
    this.reject = reject;
    this.settled = settled;
    // `on`: removed once the exchange is done (Node's `once` would wrap it in two more objects).
    res.on("close", this.onClientClose);
  }

  onConnect(abort: (error?: Error) => void): void {
    this.abortUpstream = abort;
    if (this.res.destroyed) abort(new Error("client closed the connection"));
  }

  onHeaders(status: number, raw: Buffer[], resume: () => void): boolean {
    // An interim answer (102, 103): not forwarded, as undici's own request() does.
    if (status < 200) return true;
    if (this.timing) this.timing.endpointRespondedAt = performance.now();
    this.settled?.();
    this.resumeUpstream = resume;
    const res = this.res;
    const noContent = status === 204 || status === 304;
    this.bodiless = noContent || res.req.method === "HEAD";
    let listed: string[] | undefined;
    let makeDecoder: (() => NodeJS.ReadWriteStream) | undefined;
    if (this.decode && !this.bodiless) {
      for (let i = 0; i < raw.length; i += 2) {
        if (raw[i]!.length === 16 && raw[i]!.toString("latin1").toLowerCase() === "content-encoding")
          makeDecoder = DECODERS[raw[i + 1]!.toString("latin1").trim().toLowerCase()];
      }
    }
    // The gateway's own headers the response still holds go first, as if set before (server/response.ts):
    // then Node writes the head straight from this list.
    const flat: string[] = (res instanceof GatewayServerResponse && res.takeHeldHeaders()) || [];
    let heldEnd = flat.length;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!.toString("latin1");
      const lower = name.toLowerCase();
      if (
        HOP_BY_HOP.has(lower) ||
        OWN.has(lower) ||
        (noContent && lower === "content-length") ||
        (makeDecoder && (lower === "content-encoding" || lower === "content-length"))
      ) {
        if (lower === "connection")
          listed = raw[i + 1]!.toString("latin1")
            .split(",")
            .map((t) => t.trim().toLowerCase());
        continue;
      }
      const value = raw[i + 1]!.toString("latin1");
      // A header of the backend's replaces the gateway's of that name (the client identifier), as
      // Node's writeHead does with one set before.
      for (let j = 0; j < heldEnd; j += 2)
        if (flat[j] === lower) {
          flat.splice(j, 2);
          heldEnd -= 2;
          break;
        }
      flat.push(name, value);
    }
    if (listed)
      for (let i = flat.length - 2; i >= heldEnd; i -= 2)
        if (listed.includes(flat[i]!.toLowerCase())) flat.splice(i, 2);
    try {
      res.writeHead(status, flat);
    } catch {
      // A header invalid for Node's server: the others go, one by one.
      res.statusCode = status;
      for (let i = 0; i < flat.length; i += 2) {
        try {
          res.appendHeader(flat[i]!, flat[i + 1]!);
        } catch {}
      }
    }
    this.headSent = true;
    if (makeDecoder) {
      const decoder = makeDecoder();
      this.decoder = decoder;
      decoder.pipe(res);
      // A corrupt body ends the client's response like a backend breaking off.
      decoder.once("error", () => {
        brokenOff.add(res);
        res.destroy();
        this.abortUpstream?.();
      });
    }
    if (this.bodiless) {
      // Answered now: what the backend sends after such a head (or how it fails) is not the client's.
      this.finished = true;
      res.removeListener("close", this.onClientClose);
      res.end();
      this.resolve();
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.bodiless) return true;
    const sink = this.decoder ?? this.res;
    if (sink.write(chunk)) return true;
    sink.once("drain", this.onDrain);
    return false;
  }

  onComplete(): void {
    if (this.bodiless) return;
    this.finished = true;
    this.res.removeListener("close", this.onClientClose);
    // With a decoder, its pipe ends the response once the last decoded bytes are out.
    if (this.decoder) this.decoder.end();
    else this.res.end();
    this.resolve();
  }

  onError(error: Error): void {
    if (this.bodiless) return;
    this.finished = true;
    this.res.removeListener("close", this.onClientClose);
    if (!this.headSent) {
      this.settled?.();
      this.reject(error);
      return;
    }
    // Counted as the gateway's 502 in the metrics, not as a client that went away.
    brokenOff.add(this.res);
    this.res.destroy(error);
    this.resolve();
  }
}

// The access log: one JSON line per request and per message-API session (written when the response
// or the session ends), and one per sampled message when the API logs message content. Field names
// are Gravitee's v4 analytics record's (io.gravitee.reporter.api.v4.metric.Metrics: requestId,
// transactionId, apiId, planId, applicationId, gatewayResponseTimeMs, endpointResponseTimeMs,
// errorKey …); what an API adds to its lines is its `analytics` block (./analytics.ts). See
// docs/operations.md.
//
// Where: SLUICE_ACCESS_LOG = `stdout` (default), `off`, or a file path (opened O_APPEND, created
// with its folder). Lines are gathered into batches of whole lines and each batch is written with
// one write(2) on the event loop (LineWriter): to a file or a device 16 KiB batches, to a pipe or
// socket (stdout in a container) batches of at most PIPE_BUF bytes, which a pipe takes in one
// piece. A full pipe (standard output is non-blocking) never blocks a request: batches wait in
// order and are retried on a timer; past 16 MiB waiting, lines are counted as dropped
// (sluice_access_log_dropped_lines_total). Flushed synchronously on close. Every write holds
// whole lines only, so several processes (workers) may share stdout or one file without tearing
// a line. The asynchronous writer this replaced (sonic-boom: a thread-pool round trip per batch)
// cost ~10 µs of CPU per request on a pipe (docs/benchmarks.md, "Access log cost").
import cluster from "node:cluster";
import { closeSync, fstatSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { isatty } from "node:tty";
import type { Exchange, GatewayRequest, GatewayResponse, Logger, Message } from "../contract.ts";
import { isSecretName } from "../server/log.ts";
import { type LogMask, logMasks } from "./log-masking.ts";

/** A pipe writes up to PIPE_BUF bytes atomically (POSIX: at least 512; Linux: 4096). */
const PIPE_BUF = 4096;
const FILE_WRITE = 16 * 1024;
/** Backlog past which lines are dropped rather than held in memory. */
const MAX_BACKLOG = 16 * 1024 * 1024;
const DEFAULT_MAX_PAYLOAD = 8 * 1024;
/**
 * Lines are held until a write's worth has gathered or this long has passed (nginx's `buffer=` and
 * `flush=`): one write per line would cost a system call and a thread-pool round trip each.
 */
const FLUSH_MS = 200;
/** The longest close() waits for a full destination to take what is left. */
const FLUSH_SYNC_MS = 10_000;

/** What the gateway knows of an exchange when it ends (gateway.ts fills it). */
export interface ExchangeOutcome {
  readonly request: GatewayRequest;
  readonly response: GatewayResponse;
  /** The status the metrics count (499 when the client went away, 502 when the gateway broke off). */
  readonly status: number;
  /** performance.now() at arrival and at the end. */
  readonly started: number;
  readonly ended: number;
  /** Absent when no API took the request (404, 400). */
  readonly exchange?: LoggedExchange | undefined;
}

/** The engine state of an exchange the log reads (GatewayExchange's typed fields). */
export interface LoggedExchange extends Exchange {
  readonly receivedAt: number;
  readonly entrypoint: string | undefined;
  readonly endpointName: string | undefined;
  readonly endpointStartedAt: number;
  readonly endpointRespondedAt: number;
  readonly errorKey: string | undefined;
  readonly securityType: string | undefined;
  readonly publishCount: number;
  readonly subscribeCount: number;
  readonly messageErrors: number;
}

export class AccessLog {
  private readonly sink: LineWriter;
  readonly maxPayload: number;
  /** Lines that could not be built. */
  private unbuilt = 0;
  /** Lines written (handed to the writer). */
  written = 0;
  /**
   * The next write: lines encoded straight into one buffer allocated once (no array of strings to
   * join, measure and copy again per batch), its bytes used and its lines.
   */
  private readonly batch: Buffer;
  private used = 0;
  private lines = 0;
  private timer: NodeJS.Timeout | undefined;

  private readonly ownsFd: boolean;

  constructor(sink: LineWriter, maxPayload: number, batchBytes = FILE_WRITE, ownsFd = false) {
    this.sink = sink;
    this.maxPayload = maxPayload;
    this.batch = Buffer.allocUnsafe(batchBytes);
    this.ownsFd = ownsFd;
  }

  /** Lines dropped: not buildable, or the destination fell 16 MiB behind or is gone. */
  get dropped(): number {
    return this.unbuilt + this.sink.dropped;
  }

  /** The line of one request or message-API session. */
  exchange(outcome: ExchangeOutcome): void {
    const exchange = outcome.exchange;
    if (exchange && exchange.api.definition.analytics?.enabled === false) return;
    // Called from a response's `close` event: nothing here may throw into the server.
    try {
      this.writeLine(requestLine(outcome, this.maxPayload));
    } catch {
      this.unbuilt++;
    }
  }

  /** The line of one message (the API logs message content, the sampling kept it). */
  message(exchange: Exchange, operation: "publish" | "subscribe", message: Message): void {
    try {
      this.messageLine(exchange, operation, message);
    } catch {
      this.unbuilt++;
    }
  }

  private messageLine(exchange: Exchange, operation: "publish" | "subscribe", message: Message): void {
    const logging = exchange.api.definition.analytics?.logging;
    if (!logging) return;
    const record: Record<string, unknown> = {
      type: "message",
      timestamp: isoTime(Date.now()),
      requestId: exchange.requestId,
      apiId: exchange.api.definition.id,
      operation,
    };
    if (message.id !== undefined) record.messageId = message.id;
    if (logging.messageHeaders) record.headers = maskHeaders(message.headers);
    if (logging.messageMetadata) record.metadata = message.metadata;
    if (logging.messagePayload) record.payload = cut(message.content.toString("utf8"), this.maxPayload);
    this.writeLine(JSON.stringify(record));
  }

  /**
   * Gathers lines into batches of whole lines (one write each), flushed when the next line does not
   * fit or FLUSH_MS after the first line.
   */
  private writeLine(text: string): void {
    this.written++;
    const room = this.batch.length - this.used;
    // A UTF-16 unit is at most 3 UTF-8 bytes: the line is measured only when that bound is not room.
    if (text.length * 3 + 1 > room) {
      const bytes = Buffer.byteLength(text) + 1;
      if (bytes > room) {
        this.flush();
        if (bytes > this.batch.length) {
          // Longer than a batch (a logged payload): written alone, whole.
          this.sink.write(Buffer.from(`${text}\n`), 1);
          return;
        }
      }
    }
    this.used += this.batch.write(text, this.used);
    this.batch[this.used++] = 0x0a;
    this.lines++;
    if (this.timer === undefined) this.timer = setTimeout(this.onTimer, FLUSH_MS).unref();
  }

  private readonly onTimer = () => {
    this.timer = undefined;
    this.flush();
  };

  private flush(): void {
    if (this.lines === 0) return;
    this.sink.write(this.batch.subarray(0, this.used), this.lines);
    this.used = 0;
    this.lines = 0;
  }

  /** Writes what is buffered, synchronously (shutdown: nothing is lost). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flush();
    this.sink.flushSync();
    if (this.ownsFd) this.sink.close();
  }
}

/** The access log SLUICE_ACCESS_LOG asks for; undefined when `off`. */
export function openAccessLog(
  env: Readonly<Record<string, string | undefined>>,
  log: Logger,
): AccessLog | undefined {
  const where = (env.SLUICE_ACCESS_LOG ?? "stdout").trim();
  if (where === "off") return undefined;
  const limit = Number(env.SLUICE_ACCESS_LOG_MAX_PAYLOAD ?? DEFAULT_MAX_PAYLOAD);
  const maxPayload = Number.isFinite(limit) && limit >= 0 ? limit : DEFAULT_MAX_PAYLOAD;
  const toStdout = where === "stdout" || where === "";
  // A pipe or socket (a container runtime's collector) that workers share: batches of at most
  // PIPE_BUF, which a pipe takes whole or not at all (non-blocking), so workers never interleave
  // parts of lines. A single process is its pipe's only writer: a batch the pipe takes in part is
  // finished by the next write, so it gets the larger batches a file or a device (stdout
  // redirected to a file, /dev/null) gets, as nginx writes its buffered access log — a quarter of
  // the writes, each waking the reader once.
  const shared = toStdout && cluster.isWorker && streamLike(1);
  const onError = (error: Error) => {
    log.error("access log not writable", { destination: where, error: error.message });
  };
  if (toStdout) {
    // Opening process.stdout makes a pipe non-blocking (libuv): a full pipe answers EAGAIN instead
    // of stopping the event loop.
    if (process.stdout.fd !== 1) onError(new Error("standard output is not descriptor 1"));
    return new AccessLog(new LineWriter(1, onError), maxPayload, shared ? PIPE_BUF : FILE_WRITE);
  }
  let fd = -1;
  try {
    mkdirSync(dirname(where), { recursive: true });
    fd = openSync(where, "a");
  } catch (error) {
    onError(error as Error);
  }
  return new AccessLog(new LineWriter(fd, onError), maxPayload, FILE_WRITE, fd >= 0);
}

/**
 * Writes batches of whole lines to a file descriptor with one write(2) each, on the event loop.
 * A write that completes (a file, a device, a pipe with room) costs one system call and nothing
 * more: no thread-pool round trip, no callback. A pipe or socket that is full (EAGAIN: standard
 * output is non-blocking once Node has opened it) keeps the batch and the ones after it, in order,
 * and retries on a timer; past MAX_BACKLOG waiting, batches are dropped and counted.
 */
class LineWriter {
  private readonly fd: number;
  private readonly onError: (error: Error) => void;
  /** Batches waiting behind a full destination, oldest first (the first may be partly written). */
  private queue: Buffer[] = [];
  private queuedBytes = 0;
  private retry: NodeJS.Timeout | undefined;
  private retryMs = 1;
  private failed = false;
  /** Lines dropped (a destination too far behind, or gone). */
  dropped = 0;

  constructor(fd: number, onError: (error: Error) => void) {
    this.fd = fd;
    this.onError = onError;
    this.failed = fd < 0;
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
  }

  /** Writes `batch` (whole lines) or keeps a copy of what was not written: the caller reuses it. */
  write(batch: Buffer, lines: number): void {
    if (this.failed) {
      this.dropped += lines;
      return;
    }
    if (this.queue.length === 0) {
      const done = this.attempt(batch);
      if (done === batch.length) return;
      if (done < 0) {
        this.dropped += lines;
        return;
      }
      this.enqueue(Buffer.from(batch.subarray(done)), lines);
      return;
    }
    this.enqueue(Buffer.from(batch), lines);
  }

  /** Bytes written; -1 when the destination is gone (the error is reported once). */
  private attempt(buffer: Buffer): number {
    let done = 0;
    while (done < buffer.length) {
      try {
        done += writeSync(this.fd, buffer, done);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") return done;
        this.failed = true;
        this.onError(error as Error);
        return -1;
      }
    }
    return done;
  }

  private enqueue(buffer: Buffer, lines: number): void {
    if (this.queuedBytes + buffer.length > MAX_BACKLOG) {
      this.dropped += lines;
      return;
    }
    this.queue.push(buffer);
    this.queuedBytes += buffer.length;
    if (this.retry === undefined) this.retry = setTimeout(this.drain, this.retryMs).unref();
  }

  private readonly drain = () => {
    this.retry = undefined;
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      const done = this.attempt(head);
      if (done < 0) {
        this.dropped += countLines(Buffer.concat(this.queue).toString("utf8"));
        this.queue = [];
        this.queuedBytes = 0;
        return;
      }
      this.queuedBytes -= done;
      if (done < head.length) {
        this.queue[0] = head.subarray(done);
        this.retryMs = Math.min(this.retryMs * 2, 50);
        this.retry = setTimeout(this.drain, this.retryMs).unref();
        return;
      }
      this.queue.shift();
    }
    this.retryMs = 1;
  };

  /** Writes everything waiting, blocking while the destination is full (shutdown: nothing is lost). */
  flushSync(deadline = Date.now() + FLUSH_SYNC_MS): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    const wait = new Int32Array(new SharedArrayBuffer(4));
    while (this.queue.length > 0 && !this.failed) {
      const head = this.queue[0]!;
      const done = this.attempt(head);
      if (done < 0) break;
      this.queuedBytes -= done;
      if (done === head.length) this.queue.shift();
      else {
        this.queue[0] = head.subarray(done);
        if (Date.now() > deadline) break;
        Atomics.wait(wait, 0, 0, 1);
      }
    }
    if (this.queue.length > 0) this.dropped += countLines(Buffer.concat(this.queue).toString("utf8"));
    this.queue = [];
    this.queuedBytes = 0;
  }
}

let lastMs = Number.NaN;
let lastIso = "";

/** The ISO 8601 form of a time in ms, formatted once per millisecond (many lines share one). */
function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** Whether `fd` is a pipe, a socket or a terminal (anything but a file or a device like /dev/null). */
function streamLike(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return !(stat.isFile() || (stat.isCharacterDevice() && !isatty(fd)));
  } catch {
    return true;
  }
}

/** Gravitee's application id for requests on a keyless plan (its "unknown application"). */
const ANONYMOUS_APPLICATION = "1";

/**
 * The fields of an API's lines that are the same on every line (`"apiId":…,"apiName":…,"apiType":…`),
 * as JSON text made once per API definition: a line serialises only what varies per request.
 */
const apiFieldsOf = new WeakMap<object, string>();

function apiFields(api: LoggedExchange["api"]["definition"]): string {
  let text = apiFieldsOf.get(api);
  if (text === undefined) {
    text = `,"apiId":${JSON.stringify(api.id)},"apiName":${JSON.stringify(api.name)},"apiType":${JSON.stringify(api.type)}`;
    apiFieldsOf.set(api, text);
  }
  return text;
}

/**
 * The line of one request, as JSON text: the fields and their order of the record it stands for
 * (what `JSON.stringify` of that record gives), written as one template — no record object, no
 * stringify of the whole per request (docs/benchmarks.md, "Access log cost").
 */
function requestLine(outcome: ExchangeOutcome, maxPayload: number): string {
  const { request: req, response: res, exchange } = outcome;
  const total = outcome.ended - outcome.started;
  let line = `{"type":"request","timestamp":"${isoTime(exchange?.receivedAt ?? Math.round(Date.now() - total))}"`;
  if (exchange) {
    line += `,"requestId":${quote(exchange.requestId)},"transactionId":${quote(exchange.transactionId)}${apiFields(exchange.api.definition)}`;
    if (exchange.plan !== undefined) {
      line += `,"planId":${quote(exchange.plan)},"applicationId":${quote(exchange.subscription?.application.id ?? ANONYMOUS_APPLICATION)}`;
      if (exchange.subscription) line += `,"subscriptionId":${json(exchange.subscription.id)}`;
      if (exchange.securityType !== undefined) line += `,"securityType":${json(exchange.securityType)}`;
    }
    if (exchange.clientIdentifier !== undefined)
      line += `,"clientIdentifier":${json(exchange.clientIdentifier)}`;
    if (exchange.entrypoint !== undefined) line += `,"entrypointId":${json(exchange.entrypoint)}`;
  }
  line += `,"httpMethod":${quote((req.method ?? "GET").toUpperCase())},"uri":${quote(maskQuery(req.url ?? "/"))}`;
  if (exchange) line += `,"pathInfo":${quote(exchange.pathInfo)}`;
  const host = req.headers.host ?? req.headers[":authority"];
  if (host !== undefined) line += `,"host":${quote(String(host))}`;
  line += `,"status":${number(outcome.status)},"gatewayResponseTimeMs":${number(round(total))}`;
  if (
    exchange &&
    exchange.endpointStartedAt > 0 &&
    exchange.endpointRespondedAt >= exchange.endpointStartedAt
  ) {
    const endpoint = exchange.endpointRespondedAt - exchange.endpointStartedAt;
    line += `,"endpointResponseTimeMs":${number(round(endpoint))},"gatewayLatencyMs":${number(round(total - endpoint))}`;
  } else line += `,"gatewayLatencyMs":${number(round(total))}`;
  const requestLength = contentLength(req.headers["content-length"]);
  if (requestLength !== undefined) line += `,"requestContentLength":${number(requestLength)}`;
  const responseLength = contentLength(res.getHeader("content-length"));
  if (responseLength !== undefined) line += `,"responseContentLength":${number(responseLength)}`;
  line += `,"remoteAddress":${json(req.socket?.remoteAddress ?? "")},"localAddress":${json(req.socket?.localAddress ?? "")}`;
  const agent = req.headers["user-agent"];
  if (agent !== undefined) line += `,"userAgent":${json(agent)}`;
  if (exchange?.endpointName !== undefined) line += `,"endpoint":${json(exchange.endpointName)}`;
  if (exchange?.errorKey !== undefined) line += `,"errorKey":${json(exchange.errorKey)}`;
  if (exchange && (exchange.publishCount > 0 || exchange.subscribeCount > 0 || exchange.messageErrors > 0))
    line += `,"publishCount":${number(exchange.publishCount)},"subscribeCount":${number(exchange.subscribeCount)},"messageErrors":${number(exchange.messageErrors)}`;
  const content = exchange ? logContent(exchange, res, maxPayload) : undefined;
  if (content) line += `,"log":${JSON.stringify(content)}`;
  return `${line}}`;
}

/**
 * A string as JSON text, as `JSON.stringify` writes it; printable ASCII without `"` or `\\` (every
 * id, address and most URIs) is quoted as it is, anything else goes through `JSON.stringify`.
 */
function quote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return JSON.stringify(text);
  }
  return `"${text}"`;
}

/** Any value as JSON text, strings through quote(); `undefined` as `null` (a record's field would be left out: never passed here). */
function json(value: unknown): string {
  return typeof value === "string" ? quote(value) : (JSON.stringify(value) ?? "null");
}

/** A number as JSON text (`JSON.stringify`'s: not finite is `null`). */
function number(n: number): string {
  return Number.isFinite(n) ? `${n}` : "null";
}

/**
 * Gravitee's log (entrypointRequest / entrypointResponse / endpointResponse): headers and payloads as
 * the API's `analytics.logging` asks, when its condition holds. Secret headers are masked.
 */
function logContent(
  exchange: LoggedExchange,
  res: GatewayResponse,
  maxPayload: number,
): Record<string, unknown> | undefined {
  const logging = exchange.api.definition.analytics?.logging;
  if (!logging || !(logging.entrypoint || logging.endpoint) || !(logging.headers || logging.payload))
    return undefined;
  if (logging.condition) {
    try {
      if (!logging.condition(exchange.el())) return undefined;
    } catch {
      return undefined;
    }
  }
  const out: Record<string, unknown> = {};
  const req = exchange.request;
  // The API's data-logging-masking steps (./log-masking.ts): applied to the logged copy only.
  const requestMasks = logMasks(exchange, "request");
  const responseMasks = logMasks(exchange, "response");
  const headersOf = (headers: Readonly<Record<string, unknown>>, masks: readonly LogMask[]) => {
    let out = maskHeaders(headers);
    for (const mask of masks) out = mask.headers(out);
    return out;
  };
  const bodyOf = (text: string, contentType: unknown, masks: readonly LogMask[]) => {
    let out = text;
    const type = Array.isArray(contentType)
      ? String(contentType[0])
      : contentType
        ? String(contentType)
        : undefined;
    for (const mask of masks) out = mask.body(out, type);
    return cut(out, maxPayload);
  };
  if (logging.entrypoint && logging.request) {
    const part: Record<string, unknown> = {
      method: (req.method ?? "GET").toUpperCase(),
      uri: maskQuery(req.url ?? "/"),
    };
    if (logging.headers) part.headers = headersOf(req.headers, requestMasks);
    const body = exchange.requestBody.text;
    if (logging.payload && body !== undefined)
      part.body = bodyOf(body, req.headers["content-type"], requestMasks);
    out.entrypointRequest = part;
  }
  if (logging.entrypoint && logging.response) {
    const part: Record<string, unknown> = { status: res.statusCode };
    if (logging.headers) part.headers = headersOf(res.getHeaders(), responseMasks);
    const body = exchange.responseBody.text;
    if (logging.payload && body !== undefined)
      part.body = bodyOf(body, res.getHeader("content-type"), responseMasks);
    out.entrypointResponse = part;
  }
  if (logging.endpoint && logging.request) {
    const part: Record<string, unknown> = {
      method: (exchange.upstreamRequest.method ?? req.method ?? "GET").toUpperCase(),
    };
    if (logging.headers) {
      const headers: Record<string, unknown> = { ...req.headers };
      for (const [name, value] of Object.entries(exchange.upstreamHeaders)) {
        if (value === null) delete headers[name];
        else headers[name] = value;
      }
      part.headers = headersOf(headers, requestMasks);
    }
    out.endpointRequest = part;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const MASK = "***";

function maskHeaders(headers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || name.startsWith(":")) continue;
    out[name] = isSecretName(name) ? MASK : value;
  }
  return out;
}

/** The request target with the values of secret-looking query parameters (`api-key`, `access_token`) masked. */
export function maskQuery(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  // Without `%` a parameter's name is its decoded name: when no secret-looking name appears
  // anywhere in the query, none is a parameter's (the usual case, decided without splitting it).
  if (url.indexOf("%", q) < 0 && !isSecretName(url.slice(q + 1))) return url;
  const parts = url.slice(q + 1).split("&");
  let changed = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {}
    if (eq >= 0 && isSecretName(decoded)) {
      parts[i] = `${name}=${MASK}`;
      changed = true;
    }
  }
  return changed ? `${url.slice(0, q)}?${parts.join("&")}` : url;
}

function countLines(data: string): number {
  let n = 0;
  for (let i = data.indexOf("\n"); i >= 0; i = data.indexOf("\n", i + 1)) n++;
  return n;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

function contentLength(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

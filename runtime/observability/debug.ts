// Debug mode: a request carrying `X-Sluice-Debug: <unix seconds>.<hex HMAC-SHA256>` signed with
// SLUICE_DEBUG_SECRET gets every step recorded — the plans passed over and the one chosen, the
// flows matched, each policy step (run or skipped, its time, what it did to the headers, how it
// ended), the endpoint call — kept in a bounded ring buffer served on the admin port at
// `/debug/<request-id>` (Gravitee's debug mode, without redeploying the API). The signature covers
// the timestamp, the method and the path, so a token works for one request target for a minute;
// it is compared in constant time. Without SLUICE_DEBUG_SECRET the header means nothing, and a
// request without it costs one header lookup.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Exchange, Logger, Message } from "../contract.ts";
import { redact } from "../server/log.ts";
import type { ExchangeObserver, PlanInfo, StepInfo } from "./observer.ts";

export const DEBUG_HEADER = "x-sluice-debug";
/** How long a token is accepted, either side of its timestamp (clocks drift). */
export const DEBUG_TOKEN_SECONDS = 60;
/** Shorter secrets are refused (debug mode stays off). */
const MIN_SECRET_LENGTH = 16;
const DEFAULT_CAPACITY = 100;

/** What is signed: the timestamp, the method and the request path (without its query), one a line. */
function signed(timestamp: string, method: string, path: string): string {
  return `${timestamp}\n${method.toUpperCase()}\n${path}`;
}

/** The header value for a request: what `sluice debug-token` prints. */
export function debugToken(secret: string, method: string, path: string, now = Date.now()): string {
  const timestamp = String(Math.floor(now / 1000));
  const mac = createHmac("sha256", secret)
    .update(signed(timestamp, method, path))
    .digest("hex");
  return `${timestamp}.${mac}`;
}

/** Whether `token` is a valid signature of this request now. */
export function verifyDebugToken(
  secret: string,
  token: string,
  method: string,
  path: string,
  now = Date.now(),
): boolean {
  const m = /^(\d{1,12})\.([0-9a-f]{64})$/.exec(token.trim());
  if (!m) return false;
  const timestamp = m[1]!;
  if (Math.abs(now / 1000 - Number(timestamp)) > DEBUG_TOKEN_SECONDS) return false;
  const expected = createHmac("sha256", secret)
    .update(signed(timestamp, method, path))
    .digest();
  return timingSafeEqual(Buffer.from(m[2]!, "hex"), expected);
}

export interface DebugStep {
  phase: StepInfo["phase"];
  flow: string;
  policy: string;
  ran: boolean;
  /** Why it did not run. */
  skipped?: string;
  durationMs?: number;
  /** "continued", or how it ended the exchange: "interrupted 401 (API_KEY_MISSING)", "failed: …". */
  outcome?: string;
  /** Headers the step set or removed, going upstream (request) and to the client (response). */
  headers?: { request?: HeaderChanges; response?: HeaderChanges };
}

export interface HeaderChanges {
  set?: Record<string, unknown>;
  removed?: string[];
}

export interface DebugRecord {
  requestId: string;
  api: string;
  method: string;
  path: string;
  startedAt: string;
  durationMs?: number;
  status?: number;
  plansSkipped: Array<{ id: string; reason: string }>;
  plan?: PlanInfo;
  flows: string[];
  steps: DebugStep[];
  endpoint?: { name: string; durationMs: number; status?: number; error?: string };
  messagesProduced: number;
  messagesConsumed: number;
}

type Env = Readonly<Record<string, string | undefined>>;

export class DebugMode {
  private readonly secret: string;
  private readonly capacity: number;
  private readonly records = new Map<string, DebugRecord>();
  private readonly log: Logger;

  private constructor(secret: string, capacity: number, log: Logger) {
    this.secret = secret;
    this.capacity = capacity;
    this.log = log;
  }

  /** On with SLUICE_DEBUG_SECRET (16 characters or more); SLUICE_DEBUG_BUFFER records are kept (100). */
  static from(env: Env, log: Logger): DebugMode | undefined {
    const secret = env.SLUICE_DEBUG_SECRET;
    if (!secret) return undefined;
    if (secret.length < MIN_SECRET_LENGTH) {
      log.warn("SLUICE_DEBUG_SECRET too short, debug mode off", { minimumLength: MIN_SECRET_LENGTH });
      return undefined;
    }
    const capacity = Number(env.SLUICE_DEBUG_BUFFER ?? DEFAULT_CAPACITY);
    return new DebugMode(
      secret,
      Number.isInteger(capacity) && capacity > 0 ? capacity : DEFAULT_CAPACITY,
      log,
    );
  }

  /** A recorder when the request carries a valid debug header; the header never goes upstream. */
  observe(exchange: Exchange): ExchangeObserver | undefined {
    const req = exchange.request;
    const given = req.headers[DEBUG_HEADER];
    if (given === undefined) return undefined;
    exchange.upstreamHeaders[DEBUG_HEADER] = null;
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q >= 0 ? url.slice(0, q) : url;
    const method = req.method ?? "GET";
    if (typeof given !== "string" || !verifyDebugToken(this.secret, given, method, path)) {
      this.log.info("debug header refused", { requestId: exchange.requestId, path });
      return undefined;
    }
    const record: DebugRecord = {
      requestId: exchange.requestId,
      api: exchange.api.definition.id,
      method: method.toUpperCase(),
      path,
      startedAt: new Date().toISOString(),
      plansSkipped: [],
      flows: [],
      steps: [],
      messagesProduced: 0,
      messagesConsumed: 0,
    };
    this.keep(record);
    return new DebugRecorder(record);
  }

  get(requestId: string): DebugRecord | undefined {
    return this.records.get(requestId);
  }

  private keep(record: DebugRecord): void {
    this.records.set(record.requestId, record);
    if (this.records.size > this.capacity) {
      const oldest = this.records.keys().next().value;
      if (oldest !== undefined) this.records.delete(oldest);
    }
  }
}

class DebugRecorder implements ExchangeObserver {
  private readonly record: DebugRecord;
  private readonly started = performance.now();

  constructor(record: DebugRecord) {
    this.record = record;
  }

  plan(plan: PlanInfo): void {
    this.record.plan = { id: plan.id, name: plan.name, securityType: plan.securityType };
  }

  planSkipped(plan: PlanInfo, reason: string): void {
    this.record.plansSkipped.push({ id: plan.id, reason });
  }

  flows(names: readonly string[]): void {
    this.record.flows = [...names];
  }

  async step(info: StepInfo, exchange: Exchange, run: () => unknown): Promise<void> {
    const upstreamBefore = { ...exchange.upstreamHeaders };
    const responseBefore = exchange.response.getHeaders();
    const step: DebugStep = { phase: info.phase, flow: info.flow, policy: info.policy, ran: true };
    this.record.steps.push(step);
    const t0 = performance.now();
    try {
      await run();
      step.outcome = "continued";
    } catch (error) {
      const e = error as { status?: unknown; key?: unknown; message?: unknown };
      step.outcome =
        typeof e?.status === "number"
          ? `interrupted ${e.status}${typeof e.key === "string" ? ` (${e.key})` : ""}`
          : `failed: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    } finally {
      step.durationMs = round(performance.now() - t0);
      const request = changes(upstreamBefore, exchange.upstreamHeaders);
      const response = changes(responseBefore, exchange.response.getHeaders());
      if (request || response)
        step.headers = { ...(request ? { request } : {}), ...(response ? { response } : {}) };
    }
  }

  stepSkipped(info: StepInfo): void {
    this.record.steps.push({
      phase: info.phase,
      flow: info.flow,
      policy: info.policy,
      ran: false,
      skipped: "condition is false",
    });
  }

  async endpoint<T>(name: string, exchange: Exchange, call: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const endpoint: NonNullable<DebugRecord["endpoint"]> = { name, durationMs: 0 };
    this.record.endpoint = endpoint;
    try {
      const result = await call();
      endpoint.status =
        typeof result === "object" && result !== null && "status" in result
          ? (result as { status: number }).status
          : exchange.response.statusCode;
      return result;
    } catch (error) {
      endpoint.error = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      endpoint.durationMs = round(performance.now() - t0);
    }
  }

  produced(_message: Message): void {
    this.record.messagesProduced++;
  }

  consumed(_message: Message): void {
    this.record.messagesConsumed++;
  }

  finish(status: number): void {
    this.record.status = status;
    this.record.durationMs = round(performance.now() - this.started);
  }
}

/** What changed between two header sets; values of credential-like names are masked. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>): HeaderChanges | undefined {
  const set: Record<string, unknown> = {};
  const removed: string[] = [];
  for (const [name, value] of Object.entries(after)) {
    if (value === null || value === undefined) {
      if (before[name] !== null && before[name] !== undefined) removed.push(name);
      else if (!(name in before)) removed.push(name);
    } else if (String(before[name]) !== String(value)) set[name] = value;
  }
  for (const name of Object.keys(before)) if (!(name in after) && before[name] != null) removed.push(name);
  const any = Object.keys(set).length > 0 || removed.length > 0;
  if (!any) return undefined;
  return {
    ...(Object.keys(set).length > 0 ? { set: redact(set) } : {}),
    ...(removed.length > 0 ? { removed } : {}),
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

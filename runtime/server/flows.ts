// Which flows apply to a request: Gravitee's flow selectors (HTTP path/method, CHANNEL, CONDITION)
// and execution modes (DEFAULT: every matching flow in order; BEST_MATCH: only the most specific one).
// https://documentation.gravitee.io/apim/using-the-product/managing-your-apis/policy-studio
import type { Exchange, Flow, FlowSelector, Step } from "../contract.ts";
import { GatewayError } from "../contract.ts";
import { MESSAGE_ENTRYPOINTS, type Operation } from "../message/connectors.ts";
import { FlowPathRegexError, translateFlowPath } from "./flow-path-regex.ts";

interface PathMatcher {
  regex: RegExp;
  equals: boolean;
  names: string[];
  /** The selector's path as written, split on `/` (Gravitee's best-match scoring). */
  segments: readonly string[];
}

export interface CompiledFlow {
  flow: Flow<Step>;
  http?: PathMatcher & { methods?: readonly string[] };
  /** A CHANNEL selector (MESSAGE APIs): the channel is the path below the context path. */
  channel?: PathMatcher & { operations?: readonly Operation[]; entrypoints?: readonly string[] };
  conditions: FlowSelector[];
}

export function compileFlow(flow: Flow<Step>): CompiledFlow {
  const out: CompiledFlow = { flow, conditions: [] };
  for (const s of flow.selectors) {
    if (s.path !== undefined) {
      const { regex, names, segments } = flowPathPattern(s.path, s.pathOperator === "EQUALS");
      out.http = {
        regex,
        segments,
        equals: s.pathOperator === "EQUALS",
        names,
        ...(s.methods?.length ? { methods: s.methods } : {}),
      };
    } else if (s.channel !== undefined || s.operations !== undefined || s.entrypoints !== undefined) {
      const equals = s.channelOperator === "EQUALS";
      out.channel = {
        ...flowPathPattern(s.channel ?? "/", equals),
        equals,
        ...(s.operations?.length ? { operations: s.operations } : {}),
        ...(s.entrypoints?.length ? { entrypoints: s.entrypoints } : {}),
      };
    } else if (s.condition) {
      out.conditions.push(s);
    }
  }
  return out;
}

/**
 * Whether a CHANNEL selector admits the entrypoint that took the exchange: its id is listed (or
 * none is), and one of its modes is among the selector's operations (Gravitee's
 * ChannelSelectorConditionFilter). Without a known entrypoint, nothing is filtered.
 */
function channelAdmits(channel: NonNullable<CompiledFlow["channel"]>, exchange: Exchange): boolean {
  // Engine state on the exchange (runtime/server/exchange.ts), out of reach of policies and EL.
  const entrypoint = (exchange as { readonly entrypoint?: string }).entrypoint;
  if (entrypoint === undefined) return true;
  if (channel.entrypoints && !channel.entrypoints.includes(entrypoint)) return false;
  const modes = MESSAGE_ENTRYPOINTS.get(entrypoint)?.modes;
  if (channel.operations && modes && !channel.operations.some((o) => modes.includes(o))) return false;
  return true;
}

/** Whether a flow's message steps run in this phase: a CHANNEL selector's operations name the phases. */
export function flowRunsInPhase(flow: CompiledFlow, phase: "publish" | "subscribe"): boolean {
  const operations = flow.channel?.operations;
  return !operations || operations.includes(phase === "publish" ? "PUBLISH" : "SUBSCRIBE");
}

/**
 * A flow's path as Gravitee's PathPatterns builds it, a Java regular expression translated once
 * (runtime/server/flow-path-regex.ts): `/`, then each non-empty segment followed by `/`, the last
 * `/` optional — `/admin`, `/admin/` and `admin` are all `/admin/?` — and `:name` one segment of
 * parameter characters (captured here for `#request.pathParams`). The segments are read as a
 * pattern, as Gravitee reads them: `/(.*)/products`, and `.` is any character. STARTS_WITH checks
 * the start of the path (Java's `lookingAt`), character by character: a flow on `/admin` runs for
 * `/admin`, `/admin/x` and `/administrator`. EQUALS matches the whole path, a trailing `/` allowed.
 * Throws FlowPathRegexError for a path Sluice cannot run as Gravitee does (`sluice check` reports it).
 */
export function flowPathPattern(
  path: string,
  equals: boolean,
): { regex: RegExp; names: string[]; segments: readonly string[] } {
  const { source, names } = translateFlowPath(path);
  let regex: RegExp;
  try {
    regex = new RegExp(`^${source}${equals ? "$" : ""}`, "u");
  } catch (e) {
    throw new FlowPathRegexError(`not a pattern JavaScript accepts: ${(e as Error).message}`, 0);
  }
  return { regex, names, segments: path.split("/") };
}

/** Whether `path` matches; the match itself only when the selector captures `:params` (test() allocates none). */
function matchPath(matcher: PathMatcher, path: string): RegExpExecArray | boolean {
  if (matcher.names.length > 0) return matcher.regex.exec(path) ?? false;
  return matcher.regex.test(path);
}

/**
 * The flows whose selectors match the exchange, in order (BEST_MATCH: the best one). With
 * `deferConditions` (DEFAULT mode) CONDITION selectors are left out: the caller evaluates them with
 * `conditionsHold` right before each flow runs, as Gravitee's FlowChain does, so a condition sees
 * the attributes the flows before it set. BEST_MATCH evaluates them here: they take part in choosing.
 */
export function matchFlows(
  flows: readonly CompiledFlow[],
  exchange: Exchange,
  bestMatch: boolean,
  params: Record<string, string>,
  deferConditions = false,
): CompiledFlow[] {
  // Upper-cased only for a selector that names methods; most name none.
  let method: string | undefined;
  const path = flowPath(exchange.pathInfo);
  const matched: CompiledFlow[] = [];
  /**
   * The path captures of `matched`, index for index (undefined: nothing to capture); made only
   * when a selector captures `:params`, so a request whose flows capture nothing allocates none.
   */
  let captures: Array<RegExpExecArray | undefined> | undefined;
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i]!;
    let m: RegExpExecArray | boolean = true;
    if (f.http) {
      m = matchPath(f.http, path);
      if (m === false) continue;
      if (f.http.methods) {
        method ??= (exchange.request.method ?? "GET").toUpperCase();
        if (!f.http.methods.includes(method)) continue;
      }
    }
    if (f.channel) {
      m = matchPath(f.channel, path);
      if (m === false || !channelAdmits(f.channel, exchange)) continue;
    }
    if (!deferConditions && !conditionsHold(f, exchange)) continue;
    if (m !== true) {
      captures ??= new Array<RegExpExecArray | undefined>(matched.length);
      captures[matched.length] = m;
    }
    matched.push(f);
  }
  if (captures === undefined && !bestMatch) return matched;
  let chosen = matched;
  let chosenCaptures = captures ?? [];
  if (bestMatch && matched.length > 0) {
    const best = bestMatching(matched, path, (f) => f.http ?? f.channel);
    chosen = best ? [best] : [];
    chosenCaptures = best ? [chosenCaptures[matched.indexOf(best)]] : [];
  }
  // Captured once the flows are chosen: a flow's condition never sees another flow's parameters.
  for (let i = 0; i < chosen.length; i++) {
    const m = chosenCaptures[i];
    const matcher = chosen[i]!.http ?? chosen[i]!.channel;
    if (!matcher || !m) continue;
    matcher.names.forEach((n, j) => {
      params[n] = decodeParam(m[j + 1] ?? "");
    });
  }
  return chosen;
}

/** Whether every CONDITION selector of the flow holds now. */
export function conditionsHold(flow: CompiledFlow, exchange: Exchange): boolean {
  for (const c of flow.conditions) if (!c.condition!(exchange.el())) return false;
  return true;
}

/**
 * Gravitee's AbstractBestMatchFlowSelector.forPath: each segment of a flow's path scores 1 when it
 * equals the request's segment (or the request has no segment there), 0.5 for a `:param`, else 0;
 * score arrays are compared left to right, the first higher segment wins, a longer path wins over
 * its equal prefix, and ties keep the earlier flow. A flow without a path (no HTTP or CHANNEL
 * selector) is never the best match. The operator (EQUALS or STARTS_WITH) takes no part.
 */
function bestMatching<T>(
  candidates: readonly T[],
  path: string,
  pathOf: (c: T) => PathMatcher | undefined,
): T | undefined {
  const requestSegments = path.split("/");
  let selected: T | undefined;
  let selectedScores: number[] = [];
  for (const candidate of candidates) {
    const segments = pathOf(candidate)?.segments ?? [];
    const scores: number[] = [];
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      scores[i] =
        i >= requestSegments.length || seg === requestSegments[i] ? 1 : seg.startsWith(":") ? 0.5 : 0;
      if (selected === undefined) {
        selected = candidate;
        selectedScores = scores;
      }
      if (i === selectedScores.length) {
        selected = candidate;
        selectedScores = scores;
      }
      const current = selectedScores[i]!;
      if (scores[i]! < current) break;
      if (scores[i]! > current) {
        selected = candidate;
        selectedScores = scores;
      }
    }
  }
  return selected;
}

/**
 * The path flows match: the path info without segment parameters (`/admin;jsessionid=1` is
 * `/admin`), because servlet containers serve it as `/admin` — a flow on `/admin` must run for it.
 * The request itself is forwarded unchanged.
 */
function flowPath(pathInfo: string): string {
  if (pathInfo === "") return "/";
  return pathInfo.includes(";") ? pathInfo.replace(/;[^/]*/g, "") || "/" : pathInfo;
}

/** A path parameter's value; an escape that is not UTF-8 (`%C3%28`) is the client's error (400). */
function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new GatewayError(400, "Bad Request", { key: "PATH_PARAMETER_MALFORMED" });
  }
}

// Which flows apply to a request: Gravitee's flow selectors (HTTP path/method, CONDITION) and
// execution modes (DEFAULT: every matching flow in order; BEST_MATCH: only the most specific one).
// https://documentation.gravitee.io/apim/using-the-product/managing-your-apis/policy-studio
import type { Exchange, Flow, FlowSelector, Step } from "../contract.ts";

export interface CompiledFlow {
  flow: Flow<Step>;
  http?: { regex: RegExp; literal: number; equals: boolean; methods?: readonly string[]; names: string[] };
  conditions: FlowSelector[];
}

export function compileFlow(flow: Flow<Step>): CompiledFlow {
  const out: CompiledFlow = { flow, conditions: [] };
  for (const s of flow.selectors) {
    if (s.path !== undefined) {
      const { regex, literal, names } = pathPattern(s.path, s.pathOperator === "EQUALS");
      out.http = {
        regex,
        literal,
        equals: s.pathOperator === "EQUALS",
        names,
        ...(s.methods?.length ? { methods: s.methods } : {}),
      };
    } else if (s.condition) {
      out.conditions.push(s);
    }
  }
  return out;
}

/** `/orders/:id` → a regex capturing `id`; STARTS_WITH matches whole segments only. */
function pathPattern(path: string, equals: boolean): { regex: RegExp; literal: number; names: string[] } {
  const names: string[] = [];
  const trimmed = path === "/" ? "" : path.replace(/\/+$/, "");
  let literal = 0;
  const body = trimmed
    .split("/")
    .map((seg) => {
      if (seg.startsWith(":")) {
        names.push(seg.slice(1));
        return "([^/]+)";
      }
      literal += seg.length + 1;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { regex: new RegExp(`^${body}${equals ? "/?$" : "(?:/.*)?$"}`), literal, names };
}

export function matchFlows(
  flows: readonly CompiledFlow[],
  exchange: Exchange,
  bestMatch: boolean,
  params: Record<string, string>,
): CompiledFlow[] {
  const method = (exchange.request.method ?? "GET").toUpperCase();
  const matched: Array<{ f: CompiledFlow; m: RegExpExecArray | null }> = [];
  for (const f of flows) {
    let m: RegExpExecArray | null = null;
    if (f.http) {
      m = f.http.regex.exec(exchange.pathInfo || "/");
      if (!m) continue;
      if (f.http.methods && !f.http.methods.includes(method)) continue;
    }
    if (f.conditions.some((c) => !c.condition!(exchange.el()))) continue;
    matched.push({ f, m });
  }
  let chosen = matched;
  if (bestMatch && matched.length > 1) {
    // The most specific path: EQUALS beats STARTS_WITH, then the longest literal part.
    const score = (x: (typeof matched)[number]) =>
      x.f.http ? x.f.http.literal * 2 + (x.f.http.equals ? 1 : 0) : -1;
    const best = matched.reduce((a, b) => (score(b) > score(a) ? b : a));
    chosen = [best];
  }
  for (const { f, m } of chosen) {
    if (f.http && m) f.http.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] ?? "")));
  }
  return chosen.map((x) => x.f);
}

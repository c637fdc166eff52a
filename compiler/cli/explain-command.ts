// `sluice explain METHOD URL [DIR]`: what the gateway would do with a request, offline, from the
// specs in DIR (compiler/explain/explain.ts); printed for people or as JSON.

import { PATH_HANDLINGS, type PathHandling } from "../../runtime/server/path.ts";
import type { Explanation, Phase } from "../explain/explain.ts";
import { EXIT_OK, EXIT_SPEC_ERRORS, type Io, parse, UsageError } from "./main.ts";
import { renderDiagnostics } from "./report.ts";

const HELP = `Usage: sluice explain METHOD URL [DIR] [--header NAME:VALUE …] [--format human|json]

Which API, plan, flows and policy steps a request would meet, from the specs in DIR (default apis),
without deploying. URL is a path (/orders/42?x=1) or an absolute URL, whose host is the Host header.
  --header, -H NAME:VALUE   a request header (repeatable): Host, X-Gravitee-Api-Key, Authorization, …
  --format human|json       how the answer is printed (default human)
  --path-handling MODE      NORMALIZE (default), REJECT or RAW, as SLUICE_PATH_HANDLING on the gateway
Conditions and selection rules are shown, not evaluated. Exit 1 when the specs have errors.
`;

export async function commandExplain(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    header: { type: "string", short: "H", multiple: true },
    format: { type: "string" },
    "path-handling": { type: "string" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const format = values.format ?? "human";
  if (format !== "human" && format !== "json")
    throw new UsageError(`--format must be human or json, not \`${format}\``);
  if (positionals.length < 2 || positionals.length > 3)
    throw new UsageError("explain takes METHOD, URL and optionally DIR");
  const [method, url, dir = "apis"] = positionals as [string, string, string?];
  if (!/^[A-Za-z]+$/.test(method)) throw new UsageError(`METHOD must be an HTTP method, not \`${method}\``);
  const headers: Record<string, string> = {};
  for (const h of values.header ?? []) {
    const colon = h.indexOf(":");
    if (colon <= 0) throw new UsageError(`--header must be NAME:VALUE, not \`${h}\``);
    headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
  }
  const mode = (values["path-handling"] ?? "NORMALIZE").toUpperCase();
  if (!(PATH_HANDLINGS as readonly string[]).includes(mode))
    throw new UsageError(`--path-handling must be one of ${PATH_HANDLINGS.join(", ")}`);
  const { checkRepository, hasErrors } = await import("../pipeline.ts");
  const result = await checkRepository({ target: dir });
  if (hasErrors(result.diagnostics) || !result.model) {
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    io.err(renderDiagnostics(errors, result.sources, "human"));
    io.err("sluice: the specs have errors; fix them to explain requests (sluice check)");
    return EXIT_SPEC_ERRORS;
  }
  const { explainRequest } = await import("../explain/explain.ts");
  const explanation = explainRequest(result.model, {
    method,
    url,
    headers,
    pathHandling: mode as PathHandling,
  });
  io.out(format === "json" ? JSON.stringify(explanation, null, 2) : renderExplanation(explanation));
  return EXIT_OK;
}

const PHASE_TITLES: Record<Phase, string> = {
  request: "request phase",
  publish: "publish phase (each message from the client)",
  subscribe: "subscribe phase (each message to the client)",
  response: "response phase",
};

export function renderExplanation(x: Explanation): string {
  const lines: string[] = [];
  const r = x.request;
  lines.push(
    `${r.method} ${r.target}${r.path !== undefined && r.path !== r.target ? `  (path ${r.path})` : ""}`,
  );
  if (x.api) {
    const host = x.api.host ? ` on host ${x.api.host}` : "";
    lines.push(
      `api        ${x.api.id} (${x.api.type}, ${x.api.source}): context path ${x.api.contextPath}${host}, path info "${x.api.pathInfo}"`,
    );
    if (x.entrypoints) lines.push(`entrypoints ${x.entrypoints.join(", ")}`);
  }
  if (x.plans) {
    lines.push("plans      in the order the gateway tries them:");
    const width = Math.max(...x.plans.map((p) => `${p.id} (${p.security})`.length));
    for (const p of x.plans) {
      const label = `${p.id} (${p.security})`.padEnd(width);
      const verdict = p.verdict === "selected-if" ? "selected if" : p.verdict;
      lines.push(`  ${label}  ${verdict}: ${p.why}`);
    }
    if (x.otherwise) lines.push(`  otherwise ${x.otherwise.status}: ${x.otherwise.why}`);
  }
  if (x.flows && x.flowExecution) {
    const mode =
      x.flowExecution.mode === "BEST_MATCH"
        ? "BEST_MATCH: the most specific flow only"
        : "DEFAULT: every matching flow";
    lines.push(`flows      ${mode}, plan flows first${x.plan ? ` (plan ${x.plan})` : ""}:`);
    if (x.flows.length === 0) lines.push("  none");
    for (const f of x.flows) {
      const when = f.conditions.length > 0 ? `  if ${f.conditions.join(" and ")}` : "";
      lines.push(`  ${f.from}: "${f.name}"  ${f.selectors.join("; ") || "no selector"}${when}`);
    }
  }
  for (const [phase, steps] of Object.entries(x.phases ?? {}) as Array<
    [Phase, NonNullable<Explanation["phases"]>[Phase]]
  >) {
    lines.push(`${PHASE_TITLES[phase]}:`);
    (steps ?? []).forEach((s, i) => {
      const name = s.name ? ` "${s.name}"` : "";
      const cond = [
        s.condition ? `if ${s.condition}` : "",
        s.messageCondition ? `messages if ${s.messageCondition}` : "",
      ]
        .filter(Boolean)
        .join(", ");
      lines.push(`  ${i + 1}. ${s.policy}${name}  (${s.from}, flow "${s.flow}")${cond ? `  ${cond}` : ""}`);
    });
  }
  if (x.endpoint && !x.answer)
    lines.push(
      `endpoint   group ${x.endpoint.group} (${x.endpoint.type}): ${x.endpoint.endpoints.join(", ")}${x.endpoint.failover ? ", with failover" : ""}`,
    );
  if (x.answer) lines.push(`answer     ${x.answer.status}: ${x.answer.why}`);
  return lines.join("\n");
}

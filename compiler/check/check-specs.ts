// Stage 3, check: the exposure-method rules of docs/contract.md §2, one rule a module (./rules), run over
// every document, then the repository-wide rules over all of them.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoadedDocument, SupportedKind } from "../load/load-specs.ts";
import type { ApiRule, Finding } from "./rule.ts";
import { apiRules, repositoryRules } from "./rules/index.ts";
import { obj } from "./spec-view.ts";

const rulesByKind = new Map<SupportedKind, readonly ApiRule[]>();

/** The per-API rules that apply to a kind, in registry order. */
function rulesFor(kind: SupportedKind): readonly ApiRule[] {
  let rules = rulesByKind.get(kind);
  if (!rules) {
    rules = apiRules.filter((rule) => rule.kinds.includes(kind));
    rulesByKind.set(kind, rules);
  }
  return rules;
}

export function checkSpecs(docs: readonly LoadedDocument[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const toDiagnostic = (
    doc: LoadedDocument,
    code: string,
    severity: Diagnostic["severity"],
    f: Finding,
  ): Diagnostic => {
    const d: Diagnostic = {
      code,
      severity,
      message: f.message,
      at: {
        ...doc.at,
        pointer: f.pointer,
        ...(f.key ? { key: true } : {}),
        ...(f.offset !== undefined ? { offset: f.offset } : {}),
      },
    };
    if (f.hint) d.hint = f.hint;
    if (f.related?.length) {
      d.related = f.related.map((r) => ({
        message: r.message,
        at: { ...(r.doc ?? doc).at, pointer: r.pointer },
      }));
    }
    return d;
  };
  for (const doc of docs) {
    // Rules see the validation view: `${VAR:-default}` already stands for its default.
    const api = { spec: obj(doc.validationValue.spec), doc };
    // One reporting function per document: rules report synchronously, while they run.
    let rule: ApiRule;
    const report = (f: Finding) => out.push(toDiagnostic(doc, rule.code, rule.severity, f));
    for (rule of rulesFor(doc.kind)) rule.check(api, report);
  }
  for (const rule of repositoryRules) {
    rule.check(docs, (doc, f) => out.push(toDiagnostic(doc, rule.code, rule.severity, f)));
  }
  return out;
}

// An expression's `#endpoints['name']` (Gravitee's endpoint reference, `name:`) and a
// traffic-shadowing step's literal `target` name an endpoint or endpoint group of this API. Gravitee
// would read an unknown name as null (dynamic-routing then calls the default group with the path
// alone; traffic-shadowing silently sends no copy); the names are known now, so a typo is an error
// on its line.
import { joinPointer } from "../../../diagnostics/diagnostic.ts";
import { didYouMean, listOf } from "../../../diagnostics/suggest.ts";
import { hasTemplate } from "../../../expression/parse-expression.ts";
import { canonicalPolicyId } from "../../../validate/schemas.ts";
import { defineApiRule, type Finding } from "../../rule.ts";
import { isObj, type Obj, str } from "../../spec-view.ts";

/** `#endpoints['name']`, `#endpoints["name"]` and `#endpoints.name`: group 2 or 3 is the name. */
const REFERENCE = /#endpoints\s*(?:\[\s*(['"])((?:(?!\1).)*)\1\s*\]|\.([A-Za-z_$][\w$]*))/g;

export default defineApiRule({
  code: "endpoint/unknown-reference",
  severity: "error",
  kinds: ["ApiV4Definition", "ApiDefinition"],
  check({ spec }, report) {
    const known = endpointNames(spec);
    const names = new Set(known);
    const hint = (name: string) =>
      didYouMean(name, known) ??
      (known.length > 0 ? `this API's endpoints and groups: ${listOf([...known].sort())}` : undefined);
    walk(
      spec,
      "/spec",
      (text, pointer) => {
        if (!text.includes("#endpoints")) return;
        for (const match of text.matchAll(REFERENCE)) {
          const name = match[2] ?? match[3] ?? "";
          if (names.has(name)) continue;
          const finding: Finding = {
            pointer,
            offset: match.index + match[0].indexOf(name, "#endpoints".length),
            message: `\`#endpoints['${name}']\` names no endpoint or endpoint group of this API`,
          };
          const h = hint(name);
          if (h) finding.hint = h;
          report(finding);
        }
      },
      (step, pointer) => {
        // traffic-shadowing's target may also be a bare name (`shadow`, or `shadow:`).
        if (typeof step.policy !== "string" || canonicalPolicyId(step.policy) !== "traffic-shadowing") return;
        const target = isObj(step.configuration) ? str(step.configuration.target) : undefined;
        if (target === undefined || hasTemplate(target)) return;
        const name = target.endsWith(":") ? target.slice(0, -1) : target;
        if (names.has(name)) return;
        const finding: Finding = {
          pointer: `${pointer}/configuration/target`,
          message: `the shadow target \`${target}\` names no endpoint or endpoint group of this API`,
        };
        const h = hint(name);
        if (h) finding.hint = h;
        report(finding);
      },
    );
  },
});

/** The names `#endpoints` knows: every endpoint group and endpoint (v4), or v2 `proxy.groups`. */
function endpointNames(spec: Obj): string[] {
  const groups = Array.isArray(spec.endpointGroups)
    ? spec.endpointGroups
    : isObj(spec.proxy) && Array.isArray(spec.proxy.groups)
      ? spec.proxy.groups
      : [];
  const out: string[] = [];
  for (const group of groups) {
    if (!isObj(group)) continue;
    // A v2 group without a name is Gravitee's `default`.
    out.push(str(group.name) ?? (Array.isArray(spec.endpointGroups) ? "" : "default"));
    for (const endpoint of Array.isArray(group.endpoints) ? group.endpoints : []) {
      const name = isObj(endpoint) ? str(endpoint.name) : undefined;
      if (name) out.push(name);
    }
  }
  return out.filter((n) => n !== "");
}

function walk(
  value: unknown,
  pointer: string,
  text: (text: string, pointer: string) => void,
  object: (item: Obj, pointer: string) => void,
): void {
  if (typeof value === "string") text(value, pointer);
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walk(item, `${pointer}/${i}`, text, object);
  } else if (isObj(value)) {
    object(value, pointer);
    for (const [key, item] of Object.entries(value)) walk(item, joinPointer(pointer, key), text, object);
  }
}

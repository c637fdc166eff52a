// A policy step where its manifest says it does not run (runtime/policies/<id>/manifest.json
// `phases`, per API type): the runtime would link it and it would never act — a rate-limit in a
// response phase, an ip-filtering on a MESSAGE API. Gravitee refuses such flows in its console;
// Sluice warns on the step. Policies with no built-in manifest (an API repository's own, or unknown
// ids) are left to the schema and the linker. A SharedPolicyGroup's steps run in its `phase` of
// APIs of its `apiType`: they are checked in the group's file.
import { MANIFESTS } from "../../../../runtime/connector-manifests.ts";
import { type ApiType, answersTo, type Phase } from "../../../../runtime/manifest.ts";
import { defineApiRule, type Finding } from "../../rule.ts";
import { flowsOf, list, str } from "../../spec-view.ts";

/** The keys of a flow's phases: v4's, and v2's `pre`/`post`. */
const V4_PHASES: ReadonlyArray<readonly [string, Phase]> = [
  ["request", "request"],
  ["response", "response"],
  ["publish", "publish"],
  ["subscribe", "subscribe"],
];
const V2_PHASES: ReadonlyArray<readonly [string, Phase]> = [
  ["pre", "request"],
  ["post", "response"],
];

export default defineApiRule({
  code: "exposure/policy-phase",
  severity: "warning",
  kinds: ["ApiV4Definition", "ApiDefinition", "SharedPolicyGroup"],
  check({ spec, doc }, report) {
    if (doc.kind === "SharedPolicyGroup") {
      const apiType = spec.apiType === "PROXY" || spec.apiType === "MESSAGE" ? spec.apiType : undefined;
      const phase = V4_PHASES.find(([key]) => key.toUpperCase() === spec.phase)?.[1];
      if (apiType && phase) checkSteps(spec.steps, "/spec/steps", apiType, phase, report);
      return;
    }
    const v2 = doc.kind === "ApiDefinition";
    const apiType: ApiType | undefined = v2
      ? "V2"
      : spec.type === "PROXY" || spec.type === "MESSAGE"
        ? spec.type
        : undefined;
    if (!apiType) return;
    for (const flow of flowsOf(spec)) {
      for (const [key, phase] of v2 ? V2_PHASES : V4_PHASES) {
        // PROXY APIs' message phases are exposure/proxy-message-phase's.
        if (apiType === "PROXY" && (phase === "publish" || phase === "subscribe")) continue;
        checkSteps(flow.item[key], `${flow.pointer}/${key}`, apiType, phase, report);
      }
    }
  },
});

function checkSteps(
  steps: unknown,
  pointer: string,
  apiType: ApiType,
  phase: Phase,
  report: (f: Finding) => void,
): void {
  for (const { item, index } of list(steps)) {
    const id = str(item.policy);
    const manifest =
      id === undefined ? undefined : MANIFESTS.find((m) => m.kind === "policy" && answersTo(m, id));
    if (!manifest) continue;
    const phases = manifest.phases?.[apiType];
    if (phases?.includes(phase)) continue;
    const api = apiType === "V2" ? "v2" : apiType;
    report({
      pointer: `${pointer}/${index}/policy`,
      message: phases
        ? `policy \`${id}\` does not run in the ${phase} phase of a ${api} API: this step never acts`
        : `policy \`${id}\` does not run on ${api} APIs: this step never acts`,
      hint: phases
        ? `it runs in ${phases.map((p) => `\`${p}\``).join(", ")} (docs/connectors-reference.md)`
        : "see docs/connectors-reference.md for where it runs",
    });
  }
}

// A flow path whose pattern can backtrack super-linearly on a crafted request path. The request path
// is the client's, and every flow's pattern runs on every request of its API: `/(.*)/(.*)/x` with
// EQUALS takes about 150 ms on an 8 KB path of slashes, `/([a-z]+)*` up to seconds on 30 characters, and
// the worker answers nothing else meanwhile (docs/proxy-apis.md#flows). An error, not a warning: no
// request should cost that. Found by recheck (automata-based ReDoS checker, fuzzing where automata do
// not apply) on the JavaScript pattern the gateway runs, only for paths with an unbounded repetition.
// recheck's pure JavaScript build runs in this thread: its default entry starts a worker that spawns
// a native binary or a JAR from optional packages (~52 MB in every install) and was not faster on
// flow paths (0.03–1.2 s against 0.02–0.5 s a pattern). The published package carries that one
// file (scripts/build-package.ts): recheck is a development dependency only.
import recheck from "recheck/lib/browser.js";
import { flowPathPattern } from "../../../../runtime/server/flows.ts";
import { flowPathsOf } from "../../flow-paths.ts";
import { defineApiRule } from "../../rule.ts";

/** The kind of super-linear backtracking of the flow path's pattern, if any. */
export function flowPathBacktracking(
  path: string,
  equals: boolean,
): "exponential" | "polynomial" | undefined {
  let regex: RegExp;
  try {
    regex = flowPathPattern(path, equals).regex;
  } catch {
    return undefined; // path/flow-regex reports it
  }
  // A verdict the checker cannot reach in time ("unknown") is not reported.
  const result = recheck.checkSync(regex.source, regex.flags, { timeout: 5000 });
  if (result.status !== "vulnerable") return undefined;
  return result.complexity.type === "exponential" ? "exponential" : "polynomial";
}

export default defineApiRule({
  code: "path/flow-regex-backtracking",
  severity: "error",
  kinds: ["ApiV4Definition", "ApiDefinition"],
  check({ spec, doc }, report) {
    for (const { path, equals, pointer } of flowPathsOf(spec, doc.kind === "ApiDefinition")) {
      if (!/[*+{]/.test(path)) continue; // no unbounded repetition: linear
      const kind = flowPathBacktracking(path, equals);
      if (!kind) continue;
      report({
        pointer,
        message: `the flow path \`${path}\` can backtrack ${kind === "exponential" ? "exponentially" : "polynomially"} on a crafted request path: one request could hold the gateway for ${kind === "exponential" ? "ever" : "hundreds of milliseconds"}`,
        hint: "keep repetitions from competing for the same characters: one segment is `[^/]*` or `:name`, not `.*`; never nest a repetition in a repeated group (`([a-z]+)*` → `[a-z]*`)",
      });
    }
  },
});

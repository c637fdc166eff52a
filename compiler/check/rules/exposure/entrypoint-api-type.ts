// docs/contract.md §2 rules 1 and 3: a PROXY API is entered through `http-proxy`; a MESSAGE API through the
// message entrypoints. Gravitee's "backend exposure method" decides which connectors exist.
import { defineApiRule } from "../../rule.ts";
import { entrypointsOf, MESSAGE_ENTRYPOINTS, PROXY_ENTRYPOINTS } from "../../spec-view.ts";

export default defineApiRule({
  code: "exposure/entrypoint-api-type",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ spec }, report) {
    for (const ep of entrypointsOf(spec)) {
      if (ep.type === undefined) continue;
      if (spec.type === "PROXY" && !PROXY_ENTRYPOINTS.includes(ep.type) && ep.type !== "tcp-proxy") {
        report({
          pointer: `${ep.pointer}/type`,
          message: `entrypoint \`${ep.type}\` is a message entrypoint and cannot be used on a PROXY API`,
          hint: "a PROXY API (proxy upstream protocol) uses the `http-proxy` entrypoint; use `type: MESSAGE` to expose an event-driven backend",
        });
      }
      if (spec.type === "MESSAGE" && !(MESSAGE_ENTRYPOINTS as readonly string[]).includes(ep.type)) {
        report({
          pointer: `${ep.pointer}/type`,
          message: `entrypoint \`${ep.type}\` cannot be used on a MESSAGE API`,
          hint: `a MESSAGE API uses ${MESSAGE_ENTRYPOINTS.map((t) => `\`${t}\``).join(", ")}; use \`type: PROXY\` to proxy an HTTP backend`,
        });
      }
    }
  },
});

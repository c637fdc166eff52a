// Every file of the Gravitee corpus imports, and `sluice check` on what import wrote finds exactly
// the errors listed here — each one a real mistake in the file (Gravitee tolerates it) or a feature
// Sluice does not implement. Anything else is a conversion bug. A second import of the output
// changes nothing. Inputs: the verbatim corpus copies in test/load/fixtures/gravitee-json (JSON)
// and test/validate/fixtures/gravitee-corpus (GKO YAML); see SOURCES.md there.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importApis } from "../../compiler/import/import-apis.ts";
import { checkRepository } from "../../compiler/pipeline.ts";

const DIRS = [
  join(import.meta.dirname, "..", "load", "fixtures", "gravitee-json"),
  join(import.meta.dirname, "..", "validate", "fixtures", "gravitee-corpus"),
];

const UNKNOWN_POLICY = "a policy Sluice does not implement";

/** file → the errors left, as `code pointer`, and why each is not import's fault. */
const EXPECTED: Record<string, { why: string; errors: string[] }> = {
  "v2/apim-jackson_legacy-v1-paths-style.json": {
    why: "1.x policies: `access-control` is not implemented, the 1.x rate-limit configuration (`rate`, `per`, `unit`) is not today's",
    errors: [
      "schema/enum /spec/flows/0/pre/0/policy",
      "schema/unknown-property /spec/flows/0/pre/1/configuration/per",
      "schema/unknown-property /spec/flows/0/pre/1/configuration/unit",
      "schema/type /spec/flows/0/pre/1/configuration/rate",
    ],
  },
  "v4/apim-it_all-http-entrypoints_mock-endpoint.json": {
    why: `\`connector-to-header\`: ${UNKNOWN_POLICY} (its HTTP selector on a MESSAGE API is a warning, exposure/message-http-selector)`,
    errors: ["schema/enum /spec/flows/0/response/0/policy"],
  },
  "v4/apim-it_http-proxy_cors_response-templates.json": {
    why: `\`add-header\` (a test plugin of Gravitee's): ${UNKNOWN_POLICY}`,
    errors: ["schema/enum /spec/flows/0/response/0/policy"],
  },
  "v4/apim-it_message-api_best-match_plans-flows.json": {
    why: "real mistake: v2 spellings `channel-operator` and `operation` on v4 channel selectors, which Gravitee ignores",
    errors: [0, 1, 2, 3]
      .flatMap((i) => [`/spec/flows/${i}`])
      .concat([0, 1, 2].map((i) => `/spec/plans/keyless/flows/${i}`))
      .flatMap((flow) => [
        `schema/unknown-property ${flow}/selectors/0/channel-operator`,
        `schema/unknown-property ${flow}/selectors/0/operation`,
      ]),
  },
  "v4/apim-it_multi-listener_webhook-httpget-sse-websocket_mqtt5-endpoint_qos-auto.json": {
    why: `real mistake: \`serverPort\` is the test harness's placeholder "mqtt5-port"; \`message-flow-ready\`: ${UNKNOWN_POLICY}`,
    errors: [
      "schema/type /spec/endpointGroups/0/endpoints/0/configuration/serverPort",
      "schema/enum /spec/flows/0/subscribe/0/policy",
    ],
  },
  "v4/apim-it_websocket-entrypoint_mqtt5-endpoint_subscriber.json": {
    why: `real mistake: \`serverPort\` is the test harness's placeholder "mqtt5-port"; \`message-flow-ready\`: ${UNKNOWN_POLICY}`,
    errors: [
      "schema/type /spec/endpointGroups/0/endpoints/0/configuration/serverPort",
      "schema/enum /spec/flows/0/subscribe/0/policy",
    ],
  },
  "v4/apim-it_tcp-proxy_basic.json": {
    why: "TCP proxy APIs are not implemented",
    errors: ["schema/enum /spec/endpointGroups/0/type", "listener/unsupported-type /spec/listeners/0/type"],
  },
  "v4/apim-quicksetup_export-wrapper_tcp-proxy.json": {
    why: "TCP proxy APIs are not implemented",
    errors: ["schema/enum /spec/endpointGroups/0/type", "listener/unsupported-type /spec/listeners/0/type"],
  },
  "v4/gko-e2e_apiv4definition_message_channel-flow-publish-policy.yaml": {
    why: "real mistake: the mock endpoint's key is `messageCount`",
    errors: ["schema/unknown-property /spec/endpointGroups/0/endpoints/0/configuration/messagesCount"],
  },
  "v4/gko-e2e_apiv4definition_message_sse-webhook_mock.yaml": {
    why: "real mistake: the mock endpoint's key is `messageCount`",
    errors: ["schema/unknown-property /spec/endpointGroups/0/endpoints/0/configuration/messagesCount"],
  },
};

function corpus(): Array<{ name: string; path: string }> {
  return DIRS.flatMap((dir) =>
    ["v2", "v4"].flatMap((sub) =>
      readdirSync(join(dir, sub))
        .filter((f) => /\.(json|ya?ml)$/.test(f))
        .sort()
        .map((f) => ({ name: `${sub}/${f}`, path: join(dir, sub, f) })),
    ),
  );
}

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

async function importInto(path: string): Promise<{ dir: string; texts: Map<string, string> }> {
  const result = await importApis([{ path }]);
  expect(result.failures).toEqual([]);
  expect(result.skipped).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), "sluice-import-"));
  temp.push(dir);
  const texts = new Map<string, string>();
  for (const api of result.apis) {
    writeFileSync(join(dir, api.file), api.text);
    texts.set(api.file, api.text);
  }
  return { dir, texts };
}

describe("import of the Gravitee corpus", () => {
  const files = corpus();

  it("covers the 26 JSON files and the GKO manifests", () => {
    expect(files.filter((f) => f.name.endsWith(".json"))).toHaveLength(26);
    expect(files.length).toBeGreaterThanOrEqual(34);
    for (const name of Object.keys(EXPECTED)) expect(files.map((f) => f.name)).toContain(name);
  });

  it.each(files)(
    "$name imports; check finds only the listed errors; a second import changes nothing",
    async ({ name, path }) => {
      const { dir, texts } = await importInto(path);
      expect(texts.size).toBe(1);
      const check = await checkRepository({ target: dir });
      const errors = check.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => `${d.code} ${d.at.pointer}`);
      expect(errors.sort()).toEqual([...(EXPECTED[name]?.errors ?? [])].sort());
      // Idempotent: importing the written file gives it back byte for byte.
      for (const [file, text] of texts) {
        const again = await importApis([{ path: join(dir, file) }]);
        expect(again.apis.map((a) => [a.file, a.text])).toEqual([[file, text]]);
      }
    },
  );
});

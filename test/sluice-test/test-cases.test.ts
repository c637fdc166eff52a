// The cases `sluice test` derives, without a gateway: what is generated and what is skipped, and
// why, for the shapes whose outcome the spec alone does not decide.
import { describe, expect, it } from "vitest";
import { testCases } from "../../compiler/conformance/test-cases.ts";

const proxy = (plans: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  kind: "ApiV4Definition",
  name: "shop",
  value: {
    kind: "ApiV4Definition",
    metadata: { name: "shop" },
    spec: {
      type: "PROXY",
      listeners: [{ type: "HTTP", paths: [{ path: "/shop" }], entrypoints: [{ type: "http-proxy" }] }],
      endpointGroups: [{ name: "g", type: "http-proxy", endpoints: [{ name: "e", type: "http-proxy" }] }],
      plans,
      ...extra,
    },
  },
});

const inputs = (credentials: string[] = []) => ({
  credentials: new Map(
    credentials.map((k) => [k, { valid: { "x-gravitee-api-key": "k" }, foreign: {}, owner: "o" }]),
  ),
  noCredential: new Map<string, string>(),
  env: {},
  reachable: () => false,
});

describe("the cases of sluice test", () => {
  it("a plan with a selection rule is skipped, saying why, and takes no case", () => {
    const { cases, skipped } = testCases(
      [
        proxy({
          open: {
            name: "Open",
            security: { type: "KEY_LESS" },
            selectionRule: "{#request.headers['x-beta'] != null}",
          },
          keys: { name: "Keys", security: { type: "API_KEY" } },
        }),
      ],
      inputs(["shop\0keys"]),
    );
    expect(skipped).toEqual([
      {
        api: "shop",
        what: "plan open (KEY_LESS)",
        why: "its selection rule decides per request whether it applies",
      },
    ]);
    expect(cases.map((c) => c.title)).toEqual([
      "GET /shop/ with a key the Keys plan does not know is refused (401)",
      "GET /shop/ reaches the backend through the Keys plan (o)",
    ]);
  });

  it("flows with a condition selector and steps with a condition are skipped; a rate limit with a computed key too", () => {
    const { cases, skipped } = testCases(
      [
        proxy(
          { open: { name: "Open", security: { type: "KEY_LESS" } } },
          {
            flows: [
              {
                name: "when",
                selectors: [{ type: "CONDITION", condition: "{#request.method == 'GET'}" }],
                request: [],
              },
              {
                name: "steps",
                selectors: [{ type: "HTTP", path: "/a" }],
                request: [
                  {
                    policy: "transform-headers",
                    condition: "{true}",
                    configuration: { addHeaders: [{ name: "X-A", value: "1" }] },
                  },
                  {
                    policy: "rate-limit",
                    configuration: {
                      rate: {
                        limit: 5,
                        periodTime: 1,
                        periodTimeUnit: "SECONDS",
                        key: "{#request.remoteAddress}",
                      },
                    },
                  },
                  {
                    policy: "rate-limit",
                    configuration: { rate: { limit: 5000, periodTime: 1, periodTimeUnit: "SECONDS" } },
                  },
                ],
              },
            ],
          },
        ),
      ],
      inputs(),
    );
    expect(skipped.map((s) => `${s.what}: ${s.why}`)).toEqual([
      'flow "when": its selector has a condition',
      'transform-headers in flow "steps": the step has a condition',
      'rate-limit in flow "steps": its limit or key is computed per request',
      'rate-limit in flow "steps": 5001 requests are too many for a test',
    ]);
    expect(cases.map((c) => c.title)).toEqual(["GET /shop/ reaches the backend through the Open plan"]);
  });

  it("a flow path is a regular expression: one its written-out path matches is tested, another is skipped", () => {
    const headerFlow = (name: string, path: string) => ({
      name,
      selectors: [{ type: "HTTP", path }],
      request: [
        { policy: "transform-headers", configuration: { addHeaders: [{ name: `X-${name}`, value: "1" }] } },
      ],
    });
    const { cases, skipped } = testCases(
      [
        proxy(
          { open: { name: "Open", security: { type: "KEY_LESS" } } },
          { flows: [headerFlow("version", "/v1.0/items/:id"), headerFlow("any", "/v[0-9]+/products")] },
        ),
      ],
      inputs(),
    );
    expect(skipped.map((s) => `${s.what}: ${s.why}`)).toEqual([
      'flow "any": its path `/v[0-9]+/products` is a regular expression no literal request path is derived from',
    ]);
    expect(cases.map((c) => c.title).filter((t) => t.includes("v1.0"))).toEqual([
      expect.stringContaining("GET /shop/v1.0/items/sluice-test"),
    ]);
  });
});

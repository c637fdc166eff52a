// The three forms of a policy's target (Gravitee's HttpEndpointInvoker ENDPOINT_PATTERN and its
// known URL schemes), and the path and query each sends upstream.
import { describe, expect, it } from "vitest";
import {
  absoluteUpstreamPath,
  endpointReferences,
  parseEndpointTarget,
  relativeUpstreamPath,
} from "../../runtime/server/endpoint-target.ts";

describe("parseEndpointTarget", () => {
  it.each([
    ["http://backend:8080/a?b=1", "absolute", "http://backend:8080/a?b=1"],
    ["HTTPS://backend/a", "absolute", "https://backend/a"],
    ["wss://backend/socket", "absolute", "wss://backend/socket"],
    ["grpc://backend:50051/pkg.Service", "absolute", "grpc://backend:50051/pkg.Service"],
    ["default:/stores/12", "reference", "default|/stores/12"],
    ["default:", "reference", "default|"],
    // Gravitee's comment: `default://path` from dynamic routing is a reference too.
    ["default://path", "reference", "default|//path"],
    ["my group:/x?y=1", "reference", "my group|/x?y=1"],
    ["/relative/path", "path", "/relative/path"],
    ["", "path", ""],
    [":/no-name", "path", ":/no-name"],
  ])("%s is %s", (target, kind, detail) => {
    const parsed = parseEndpointTarget(target);
    expect(parsed.kind).toBe(kind);
    const got =
      parsed.kind === "absolute"
        ? parsed.url.href
        : parsed.kind === "reference"
          ? `${parsed.name}|${parsed.path}`
          : parsed.path;
    expect(got).toBe(detail);
  });
});

describe("upstream paths", () => {
  it.each([
    ["/base", "", "", "/x", "/base/x"],
    ["", "", "", "", "/"],
    ["/base", "?t=1", "?c=2", "/x?r=3", "/base/x?t=1&c=2&r=3"],
    ["", "", "?c=2", "/x", "/x?c=2"],
    ["/base", "", "", "?only=query", "/base?only=query"],
  ])("base %s, target query %s, client query %s, target %s → %s", (base, tq, cq, target, want) => {
    expect(relativeUpstreamPath(base, tq, cq, target)).toBe(want);
  });

  it("an absolute URL keeps its own path and query, then the client's", () => {
    expect(absoluteUpstreamPath(new URL("http://h/direct/a?u=1"), "?c=2")).toBe("/direct/a?u=1&c=2");
    expect(absoluteUpstreamPath(new URL("http://h"), "")).toBe("/");
  });
});

describe("endpointReferences", () => {
  it("names every group and endpoint, `name:`", () => {
    const refs = endpointReferences([
      { name: "g1", type: "http-proxy", loadBalancer: "ROUND_ROBIN", endpoints: [{ name: "e1" } as never] },
      { name: "g2", type: "http-proxy", loadBalancer: "ROUND_ROBIN", endpoints: [] },
    ]);
    expect({ ...refs }).toEqual({ g1: "g1:", e1: "e1:", g2: "g2:" });
    expect(refs.constructor).toBeUndefined();
  });
});

// The suite's own parts, without the JVM: the comparator reports real differences and only
// normalises what is unique per request; the converter produces Gravitee's gateway format.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compare, type Side } from "./compare.ts";
import type { Observed } from "./exchange.ts";
import { convertDirectory } from "./to-gateway-json.ts";

const observed = (status: number, rawHeaders: string[], body = ""): Observed => ({
  status,
  rawHeaders,
  body: Buffer.from(body),
  framing: "content-length",
});

const side = (o: Observed, gatewayPort: number): Side => ({
  observed: o,
  upstream: [],
  gatewayPort,
  backendPort: gatewayPort + 1,
});

describe("compare", () => {
  it("treats ids, dates, hashes, reset instants and ports by format and role", () => {
    const g = observed(
      200,
      [
        "X-Gravitee-Request-Id",
        "0b6c7f0e-1d2a-4c3b-9a8e-7f6d5c4b3a21",
        "Date",
        "Sat, 05 Dec 2026 13:27:46 GMT",
        "X-Rate-Limit-Reset",
        "1796476900000",
        "Location",
        "http://127.0.0.1:1000/x",
        "X-Gravitee-Client-Identifier",
        "a".repeat(64),
      ],
      '{"b":1,"a":[2,3]}',
    );
    const s = observed(
      200,
      [
        "x-gravitee-request-id",
        "9e63d4d0-c6e4-4711-a3d4-d0c6e4d7117d",
        "date",
        "Sat, 05 Dec 2026 13:27:47 GMT",
        "x-rate-limit-reset",
        "1796476901234",
        "location",
        "http://127.0.0.1:2000/x",
        "x-gravitee-client-identifier",
        "b".repeat(64),
      ],
      '{"a":[2,3],"b":1}',
    );
    expect(compare(side(g, 1000), side(s, 2000))).toEqual([]);
  });

  it("reports a different status, header value, missing header and body", () => {
    const g = observed(404, ["Content-Type", "text/plain"], "No context-path matches the request URI.");
    const s = observed(404, ["content-type", "application/json", "via", "1.1 sluice"], '{"message":"x"}');
    expect(compare(side(g, 1000), side(s, 2000)).map((d) => d.field)).toEqual([
      "response.header.content-type",
      "response.header.via",
      "response.body",
    ]);
    expect(compare(side(observed(502, []), 1), side(observed(504, []), 3))[0]).toEqual({
      field: "status",
      gravitee: "502",
      sluice: "504",
    });
  });
});

describe("to-gateway-json", () => {
  const definitions = convertDirectory(fileURLToPath(new URL("./fixtures/", import.meta.url)));

  it("converts every fixture, v4 to Gravitee's gateway format", () => {
    expect(definitions.length).toBeGreaterThanOrEqual(10);
    const basic = definitions.find((d) => d.id === "d-basic")!.json;
    expect(basic).toMatchObject({
      id: "d-basic",
      definitionVersion: "4.0.0",
      type: "proxy",
      listeners: [{ type: "http", paths: [{ path: "/d-basic" }], entrypoints: [{ type: "http-proxy" }] }],
      plans: [{ id: "free", security: { type: "key-less" }, mode: "standard", status: "published" }],
    });
  });

  it("maps Sluice policy ids to Gravitee plugin ids and keeps v2 as Gravitee's v2", () => {
    const attributes = JSON.stringify(definitions.find((d) => d.id === "d-attributes")!.json);
    expect(attributes).toContain('"policy":"policy-assign-attributes"');
    const v2 = definitions.find((d) => d.id === "d-v2")!.json;
    expect(v2).toMatchObject({ gravitee: "2.0.0", plans: [{ security: "KEY_LESS", status: "PUBLISHED" }] });
  });
});

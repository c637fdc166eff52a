// Import → compile → start → a call through the gateway, for a v2 export, a v4 PROXY export, a v4
// MESSAGE export on the mock endpoint and an OpenAPI 3.1 document. The inputs are real Gravitee
// files (the v2 and v4 proxy exports of the corpus) and fixtures written for this test; only the
// backend address is pointed at a local echo server, as a team points an import at staging.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importApis } from "../../compiler/import/import-apis.ts";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

const CORPUS = join(import.meta.dirname, "..", "load", "fixtures", "gravitee-json");
const FIXTURES = join(import.meta.dirname, "fixtures");

async function imported(name: string, text: string): Promise<Record<string, string>> {
  const result = await importApis([{ path: name, text }]);
  expect(result.failures).toEqual([]);
  return Object.fromEntries(result.apis.map((a) => [a.file, a.text]));
}

describe("import → compile → start → call", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    backend = await startEchoBackend();
    const at = (text: string, from: string) => text.replaceAll(from, backend.url);
    // v2 export (APIM's own test export, no plan: import adds a keyless one), as it is.
    const v2 = readFileSync(join(CORPUS, "v2", "apim-rest-test_v2-export_logging-groups.json"), "utf8");
    const files = {
      ...(await imported("v2.json", at(v2, "https://api.gravitee.io"))),
      ...(await imported(
        "v4.json",
        at(
          readFileSync(join(CORPUS, "v4", "apim-rest-test_export-wrapper_proxy-api.json"), "utf8"),
          "https://api.gravitee.io",
        ),
      )),
      ...(await imported("ticker.json", readFileSync(join(FIXTURES, "ticker-message-export.json"), "utf8"))),
      ...(await imported(
        "bookshop.yaml",
        at(readFileSync(join(FIXTURES, "bookshop.openapi.yaml"), "utf8"), "http://bookshop.invalid"),
      )),
    };
    expect(Object.keys(files).sort()).toEqual([
      "api-key-v2.yaml",
      "bookshop-inventory.yaml",
      "my-api.yaml",
      "stock-ticker.yaml",
    ]);
    gateway = await startTestGateway(files, { BOOKSHOP_INVENTORY_JWKS_URL: `${backend.url}/jwks` });
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  const echo = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${gateway.url}${path}`, init);
    expect(res.status, path).toBe(200);
    return (await res.json()) as Received;
  };

  it("v2 export: the context path proxies to the target (keyless plan added by import)", async () => {
    expect((await echo("/v2/api-key/time?tz=UTC")).url).toBe("/echo/v2/api-key/time?tz=UTC");
  });

  it("v4 PROXY export: the keyless plan and the target", async () => {
    expect((await echo("/proxy-api/hello")).url).toBe("/echo/hello");
  });

  it("v4 MESSAGE export: http-get delivers the mock endpoint's messages", async () => {
    const res = await fetch(`${gateway.url}/ticker`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ content: string }> };
    expect(body.items.length).toBeGreaterThan(0);
    expect(JSON.parse(body.items[0]?.content ?? "")).toEqual({ symbol: "GRVT", price: 42 });
  });

  it("OpenAPI: the server's base path is the context path and the target", async () => {
    const received = await echo("/inventory/v2/books/978-3/stock");
    expect(received.url).toBe("/inventory/v2/books/978-3/stock");
    expect(received.method).toBe("GET");
  });
});

// The http-get entrypoint over the mock endpoint through a compiled gateway: Gravitee's wire formats
// (docs/contract.md §5) in JSON, XML and text, Accept negotiation by q-value, limit and cursor, the long-poll
// wait, headers/metadata in the payload, and when messages are acknowledged for each QoS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { bare } from "./http-client.ts";
import { messageApi, mockOf, waitReady } from "./message-api.ts";

const getEntrypoint = (config: string, qos = "AUTO") => `        - type: http-get
          qos: ${qos}
          configuration:
${config}`;

const mockConfig = (interval: number, count?: number) => `            messageInterval: ${interval}
            messageContent: hello
${count === undefined ? "" : `            messageCount: ${count}\n`}            headers:
              - name: X-Source
                value: mock
            metadata:
              - name: origin
                value: test`;

describe("http-get entrypoint over the mock endpoint", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      "fast.yaml": messageApi({
        name: "fast",
        path: "/fast",
        entrypoints: getEntrypoint(
          "            messagesLimitCount: 3\n            messagesLimitDurationMs: 3000",
        ),
        mock: mockConfig(5, 10),
      }),
      "rich.yaml": messageApi({
        name: "rich",
        path: "/rich",
        entrypoints: getEntrypoint(
          "            messagesLimitCount: 2\n            headersInPayload: true\n            metadataInPayload: true",
        ),
        mock: mockConfig(5),
      }),
      "big.yaml": messageApi({
        name: "big",
        path: "/big",
        entrypoints: getEntrypoint("            messagesLimitCount: 2"),
        mock: `            messageInterval: 5
            messageContent: "${"sluice ".repeat(100)}"`,
      }),
      "slow.yaml": messageApi({
        name: "slow",
        path: "/slow",
        entrypoints: getEntrypoint("            messagesLimitDurationMs: 300"),
        mock: mockConfig(10_000),
      }),
      "alo.yaml": messageApi({
        name: "alo",
        path: "/alo",
        entrypoints: getEntrypoint(
          "            messagesLimitCount: 100\n            messagesLimitDurationMs: 5000",
          "AT_LEAST_ONCE",
        ),
        mock: mockConfig(20),
      }),
      "amo.yaml": messageApi({
        name: "amo",
        path: "/amo",
        entrypoints: getEntrypoint(
          "            messagesLimitCount: 100\n            messagesLimitDurationMs: 5000",
          "AT_MOST_ONCE",
        ),
        mock: mockConfig(20),
      }),
    });
    await waitReady(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const json = async (path: string, accept = "application/json") => {
    const res = await bare(`${gateway.url}${path}`, { headers: { accept } });
    expect(res.headers["content-type"]).toBe("application/json");
    return res;
  };

  it("answers JSON: ids from the mock's sequence, content as a string, capped by messagesLimitCount", async () => {
    const res = await json("/fast");
    expect(res.status).toBe(200);
    expect(res.body).toBe(
      '{"items":[{"id":"0","content":"hello"},{"id":"1","content":"hello"},{"id":"2","content":"hello"}],"pagination":{"nextCursor":"2"}}',
    );
  });

  it("takes ?limit (capped by messagesLimitCount) and echoes it; ?cursor resumes after that id", async () => {
    expect((await json("/fast?limit=2&cursor=4")).body).toBe(
      '{"items":[{"id":"5","content":"hello"},{"id":"6","content":"hello"}],"pagination":{"nextCursor":"6","limit":"2"}}',
    );
    const capped = JSON.parse((await json("/fast?limit=50")).body) as {
      items: unknown[];
      pagination: unknown;
    };
    expect(capped.items).toHaveLength(3);
    expect(capped.pagination).toEqual({ nextCursor: "2", limit: "50" });
  });

  it("returns what is left when the endpoint ends (messageCount), then an empty page", async () => {
    const started = Date.now();
    expect((await json("/fast?cursor=8")).body).toBe(
      '{"items":[{"id":"9","content":"hello"}],"pagination":{"nextCursor":"9"}}',
    );
    expect((await json("/fast?cursor=9")).body).toBe('{"items":[]}');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("answers 200 {items: []} when nothing arrived within messagesLimitDurationMs", async () => {
    const started = Date.now();
    const res = await json("/slow");
    const waited = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body).toBe('{"items":[]}');
    expect(waited).toBeGreaterThanOrEqual(280);
    expect(waited).toBeLessThan(3000);
  });

  it("adds headers and metadata with headersInPayload / metadataInPayload", async () => {
    const res = await json("/rich");
    const body = JSON.parse(res.body) as {
      items: Array<{ id: string; content: string; headers: unknown; metadata: Record<string, unknown> }>;
    };
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toEqual({
      id: "0",
      content: "hello",
      headers: { "X-Source": ["mock"] },
      metadata: { sourceTimestamp: expect.any(Number), origin: "test" },
    });
    expect(Object.keys(body.items[0]!)).toEqual(["id", "content", "headers", "metadata"]);
  });

  it("answers XML for application/xml", async () => {
    const res = await bare(`${gateway.url}/fast?limit=2`, { headers: { accept: "application/xml" } });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/xml");
    expect(res.body).toBe(
      "<response><items><item><id>0</id><content><![CDATA[hello]]></content></item>" +
        "<item><id>1</id><content><![CDATA[hello]]></content></item></items>" +
        "<pagination><nextCursor>1</nextCursor><limit>2</limit></pagination></response>",
    );
  });

  it("answers XML with headers and metadata elements", async () => {
    const res = await bare(`${gateway.url}/rich?limit=1`, { headers: { accept: "application/xml" } });
    expect(res.body).toMatch(
      /^<response><items><item><id>0<\/id><content><!\[CDATA\[hello\]\]><\/content><headers><X-Source>mock<\/X-Source><\/headers><metadata><sourceTimestamp>\d+<\/sourceTimestamp><origin>test<\/origin><\/metadata><\/item><\/items><pagination><nextCursor>0<\/nextCursor><limit>1<\/limit><\/pagination><\/response>$/,
    );
  });

  it("answers text/plain when Accept is absent", async () => {
    const res = await bare(`${gateway.url}/fast?limit=2`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain");
    expect(res.body).toBe(
      "items\nitem\nid: 0\ncontent: hello\n\nitem\nid: 1\ncontent: hello\n\npagination\nnextCursor: 1\nlimit: 2",
    );
  });

  it("prints headers and metadata in text as Gravitee does (Java map syntax)", async () => {
    const res = await bare(`${gateway.url}/rich?limit=1`, { headers: { accept: "text/plain" } });
    expect(res.body).toMatch(
      /^items\nitem\nid: 0\ncontent: hello\nheaders: \{X-Source=\[mock\]\}\nmetadata: \{sourceTimestamp=\d+, origin=test\}\n\npagination\nnextCursor: 0\nlimit: 1$/,
    );
  });

  it.each([
    ["*/*", "application/json"],
    ["application/grpc;q=0.8, */*;q=0.9", "application/json"],
    ["application/grpc, application/json", "application/json"],
    ["application/grpc, application/xml, application/json", "application/xml"],
    ["application/xml;q=0.5, application/json;q=0.8", "application/json"],
    ["application/grpc;q=0.9, application/jwt;q=0.8, text/plain;q=0.1", "text/plain"],
    ["", "text/plain"],
    // Chrome's navigation Accept: HTML preferred, XML a fallback → JSON, which the tab displays.
    [
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
      "application/json",
    ],
    ["text/html;q=0.5, application/xml", "application/xml"],
  ])("negotiates Accept %j as %s", async (accept, expected) => {
    const res = await bare(`${gateway.url}/fast?limit=1`, { headers: { accept } });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe(expected);
  });

  it("is never cached, and varies on Accept", async () => {
    const res = await bare(`${gateway.url}/fast?limit=1`, { headers: { accept: "application/json" } });
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers.vary).toBe("Accept-Encoding, Accept");
  });

  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["identity", undefined],
  ])("compresses a page for Accept-Encoding %j with %s", async (encoding, coding) => {
    const res = await fetch(`${gateway.url}/big?limit=2`, {
      headers: { accept: "application/json", "accept-encoding": encoding },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding") ?? undefined).toBe(coding);
    // fetch decodes br and gzip: the page reads the same whichever coding was used.
    const page = (await res.json()) as { items: Array<{ content: string }> };
    expect(page.items.map((i) => i.content)).toEqual(["sluice ".repeat(100), "sluice ".repeat(100)]);
  });

  it("sends a small page uncompressed", async () => {
    const res = await bare(`${gateway.url}/fast?limit=1`, {
      headers: { accept: "application/json", "accept-encoding": "gzip, br" },
    });
    expect(res.headers["content-encoding"]).toBeUndefined();
  });

  it("answers 400 for an Accept it cannot produce", async () => {
    const res = await bare(`${gateway.url}/fast`, { headers: { accept: "application/grpc" } });
    expect(res.status).toBe(400);
    expect(res.body).toBe("Unsupported accept header: [application/grpc]");
    const both = await bare(`${gateway.url}/fast`, { headers: { accept: "text/html, application/pdf" } });
    expect(both.status).toBe(400);
    expect(both.body).toBe("Unsupported accept header: [text/html, application/pdf]");
  });

  it("AT_LEAST_ONCE acks the delivered messages once the response is written", async () => {
    const mock = mockOf(gateway, "alo");
    const before = mock.acknowledged.length;
    const res = await json("/alo?limit=3");
    expect(JSON.parse(res.body).items).toHaveLength(3);
    await expect.poll(() => mock.acknowledged.slice(before)).toEqual(["0", "1", "2"]);
  });

  it("AT_LEAST_ONCE acks nothing when the client leaves before the response; AT_MOST_ONCE acked on receipt", async () => {
    const leave = async (path: string) => {
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 300);
      await expect(fetch(`${gateway.url}${path}`, { signal: abort.signal })).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 150));
    };
    const alo = mockOf(gateway, "alo");
    const aloBefore = alo.acknowledged.length;
    await leave("/alo");
    expect(alo.acknowledged.length).toBe(aloBefore);

    const amo = mockOf(gateway, "amo");
    await leave("/amo");
    expect(amo.acknowledged.length).toBeGreaterThan(3);
    expect(amo.acknowledged.slice(0, 3)).toEqual(["0", "1", "2"]);
  });
});

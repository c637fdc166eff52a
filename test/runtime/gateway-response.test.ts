// The gateway's HTTP/1.1 response holds its own headers until the head: they must reach every
// head, first and in order, whichever way it is written, and the header getters must answer after
// a head written straight from a list as they did before.
import { createServer, type IncomingMessage, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GatewayServerResponse, setOwnHeader } from "../../runtime/server/response.ts";

let server: Server<typeof IncomingMessage, typeof GatewayServerResponse> | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Serves one request with `answer`; resolves with the raw header lines the client got. */
async function serve(answer: (res: GatewayServerResponse) => void): Promise<string[]> {
  const listening = createServer({ ServerResponse: GatewayServerResponse }, (_req, res) => {
    setOwnHeader(res, "x-gravitee-request-id", "r-1");
    setOwnHeader(res, "x-gravitee-transaction-id", "t-1");
    answer(res);
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  const { port } = listening.address() as AddressInfo;
  const res = await new Promise<IncomingMessage>((resolve, reject) =>
    request({ port, host: "127.0.0.1", agent: false }, resolve).once("error", reject).end(),
  );
  res.resume();
  const lines: string[] = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2)
    lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
  return lines;
}

describe("GatewayServerResponse", () => {
  it("puts the held headers first in a head written from a list, and the getters read that list", async () => {
    let after: Record<string, unknown> = {};
    const lines = await serve((res) => {
      const held = res.takeHeldHeaders()!;
      res.writeHead(200, [...held, "Content-Length", "2", "x-multi", "a", "x-multi", "b"]);
      after = {
        length: res.getHeader("content-length"),
        multi: res.getHeader("X-Multi"),
        has: res.hasHeader("x-gravitee-request-id"),
        missing: res.getHeader("x-none"),
        names: res.getHeaderNames(),
      };
      res.end("ok");
    });
    expect(lines.slice(0, 5)).toEqual([
      "x-gravitee-request-id: r-1",
      "x-gravitee-transaction-id: t-1",
      "Content-Length: 2",
      "x-multi: a",
      "x-multi: b",
    ]);
    expect(after).toEqual({
      length: "2",
      multi: ["a", "b"],
      has: true,
      missing: undefined,
      names: ["x-gravitee-request-id", "x-gravitee-transaction-id", "content-length", "x-multi"],
    });
  });

  it("sets the held headers before the first header a writer sets, in their order", async () => {
    let seen: unknown;
    const lines = await serve((res) => {
      res.setHeader("content-type", "text/plain");
      seen = res.getHeaderNames();
      res.end("ok");
    });
    expect(seen).toEqual(["x-gravitee-request-id", "x-gravitee-transaction-id", "content-type"]);
    expect(lines.slice(0, 3)).toEqual([
      "x-gravitee-request-id: r-1",
      "x-gravitee-transaction-id: t-1",
      "content-type: text/plain",
    ]);
  });

  it("adds them to a head written with nothing set (end() alone, writeHead with an object)", async () => {
    const bare = await serve((res) => {
      res.statusCode = 204;
      res.end();
    });
    expect(bare.slice(0, 2)).toEqual(["x-gravitee-request-id: r-1", "x-gravitee-transaction-id: t-1"]);
    const object = await serve((res) => res.writeHead(404, { "content-length": "0" }).end());
    expect(object.slice(0, 3)).toEqual([
      "x-gravitee-request-id: r-1",
      "x-gravitee-transaction-id: t-1",
      "content-length: 0",
    ]);
  });

  it("lets a writer remove or replace one of them as if it had been set at once", async () => {
    const lines = await serve((res) => {
      res.removeHeader("x-gravitee-transaction-id");
      res.setHeader("x-gravitee-request-id", "mine");
      res.end();
    });
    expect(lines.filter((l) => l.startsWith("x-gravitee"))).toEqual(["x-gravitee-request-id: mine"]);
  });
});

// The webhook callback's credentials written as `[[ secret ]]` references: read on every call (a
// rotated Secret applies to the next message), and a missing one fails the call — retried like no
// answer — rather than sending the message without them.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Callback } from "../../runtime/entrypoints/webhook/callback.ts";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function receiver(): Promise<{ url: string; calls: IncomingHttpHeaders[] }> {
  const calls: IncomingHttpHeaders[] = [];
  server = createServer((req, res) => {
    calls.push(req.headers);
    req.resume().on("end", () => res.end());
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, calls };
}

const options = { connectTimeoutMs: 1000, readTimeoutMs: 1000, idleTimeoutMs: 1000, maxConnections: 1 };
const message = { content: Buffer.from("m"), headers: {}, metadata: {} } as never;
const basic = (password: string) => `Basic ${Buffer.from(`gw:${password}`).toString("base64")}`;

describe("webhook callback credentials from secrets", () => {
  it("reads a secret on each call: a rotated password is used for the next message", async () => {
    const r = await receiver();
    const secrets = new Map([["hooks/password", "first\n"]]);
    const callback = new Callback(
      {
        callbackUrl: r.url,
        headers: [{ name: "X-Api-Key", value: { $secret: { name: "hooks", key: "api-key" } } }],
        auth: {
          type: "basic",
          basic: { username: "gw", password: { $secret: { name: "hooks", key: "password" } } },
        },
      },
      { ...options, readSecret: (ref) => secrets.get(`${ref.name}/${ref.key}`) },
    );
    secrets.set("hooks/api-key", "k-1");
    expect(await callback.post(message, new AbortController().signal)).toMatchObject({
      outcome: "delivered",
    });
    secrets.set("hooks/password", "second");
    expect(await callback.post(message, new AbortController().signal)).toMatchObject({
      outcome: "delivered",
    });
    expect(r.calls.map((h) => h.authorization)).toEqual([basic("first"), basic("second")]);
    expect(r.calls[0]!["x-api-key"]).toBe("k-1");
    await callback.close();
  });

  it("a missing secret fails the call (retried), and nothing is sent without it", async () => {
    const r = await receiver();
    const callback = new Callback(
      { callbackUrl: r.url },
      {
        ...options,
        signingSecret: { $secret: { name: "hooks", key: "signing" } },
        readSecret: () => undefined,
      },
    );
    expect(await callback.post(message, new AbortController().signal)).toEqual({
      outcome: "exception",
      error: "secret hooks/signing not found in the secrets directory",
    });
    expect(r.calls).toEqual([]);
    await callback.close();
  });
});

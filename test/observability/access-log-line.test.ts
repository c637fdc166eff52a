// The access log's request line is written as JSON text field by field (no record object and no
// JSON.stringify of it per request): it must be exactly the text JSON.stringify gives for the
// record it stands for — same fields, same order, same escaping — whatever the request carries.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ExchangeOutcome, openAccessLog } from "../../runtime/observability/access-log.ts";

const dir = mkdtempSync(join(tmpdir(), "sluice-access-line-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { info() {}, warn() {}, error() {} };

function linesOf(outcomes: unknown[]): string[] {
  const file = join(dir, `${Math.random()}.log`);
  const log = openAccessLog({ SLUICE_ACCESS_LOG: file }, quiet)!;
  for (const outcome of outcomes) log.exchange(outcome as ExchangeOutcome);
  log.close();
  return readFileSync(file, "utf8").trimEnd().split("\n");
}

const api = { definition: { id: "orders", name: 'Orders "v2" — café', type: "PROXY" } };
function exchange(fields: Record<string, unknown> = {}) {
  return {
    api,
    requestId: "0b4c5d8e-1f2a-4b3c-9d8e-7f6a5b4c3d2e",
    transactionId: "0b4c5d8e-1f2a-4b3c-9d8e-7f6a5b4c3d2e",
    plan: "keyless",
    entrypoint: "http-proxy",
    pathInfo: "/items",
    receivedAt: Date.UTC(2026, 11, 5, 22, 0, 0, 123),
    endpointName: "origin",
    endpointStartedAt: 10.5,
    endpointRespondedAt: 11.25,
    publishCount: 0,
    subscribeCount: 0,
    messageErrors: 0,
    ...fields,
  };
}
function request(url: string, headers: Record<string, unknown>) {
  return { method: "get", url, headers, socket: { remoteAddress: "127.0.0.1", localAddress: "::1" } };
}
const response = (length: unknown) => ({
  getHeader: (n: string) => (n === "content-length" ? length : undefined),
});

describe("the access log's request line", () => {
  it("is JSON.stringify's text of its record, field for field, whatever the strings hold", () => {
    const tricky = 'a"b\\c\u0001d\u007fé\u2028\ud800z';
    const lines = linesOf([
      {
        request: request("/orders/items?id=1", { host: "gw:8082", "user-agent": "wrk" }),
        response: response("64"),
        status: 200,
        started: 1.25,
        ended: 12.125,
        exchange: exchange(),
      },
      {
        request: request(`/o/${tricky}?api-key=k&x=${tricky}`, {
          host: tricky,
          "user-agent": tricky,
          "content-length": "12",
        }),
        response: response(["5"]),
        status: 401,
        started: 0,
        ended: 0.0004,
        exchange: exchange({
          transactionId: tricky,
          plan: tricky,
          subscription: { id: tricky, application: { id: tricky } },
          securityType: "API_KEY",
          clientIdentifier: tricky,
          pathInfo: tricky,
          endpointStartedAt: 0,
          errorKey: "API_KEY_INVALID",
          publishCount: 2,
        }),
      },
      {
        // One character to escape per string, nothing else that would send it to JSON.stringify.
        request: request('/q"uote?x=a\\b', { host: 'h"st', "user-agent": "back\\slash" }),
        response: response("1"),
        status: 200,
        started: 0,
        ended: 1,
        exchange: exchange({ transactionId: "tab\there", pathInfo: '/"', plan: "p\\" }),
      },
    ]);
    expect(lines).toHaveLength(3);
    const [plain, odd] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(plain).toEqual({
      type: "request",
      timestamp: "2026-12-05T22:00:00.123Z",
      requestId: "0b4c5d8e-1f2a-4b3c-9d8e-7f6a5b4c3d2e",
      transactionId: "0b4c5d8e-1f2a-4b3c-9d8e-7f6a5b4c3d2e",
      apiId: "orders",
      apiName: 'Orders "v2" — café',
      apiType: "PROXY",
      planId: "keyless",
      applicationId: "1",
      entrypointId: "http-proxy",
      httpMethod: "GET",
      uri: "/orders/items?id=1",
      pathInfo: "/items",
      host: "gw:8082",
      status: 200,
      gatewayResponseTimeMs: 10.875,
      endpointResponseTimeMs: 0.75,
      gatewayLatencyMs: 10.125,
      responseContentLength: 64,
      remoteAddress: "127.0.0.1",
      localAddress: "::1",
      userAgent: "wrk",
      endpoint: "origin",
    });
    expect(odd).toMatchObject({
      transactionId: tricky,
      planId: tricky,
      applicationId: tricky,
      subscriptionId: tricky,
      clientIdentifier: tricky,
      uri: `/o/${tricky}?api-key=***&x=${tricky}`,
      pathInfo: tricky,
      host: tricky,
      userAgent: tricky,
      requestContentLength: 12,
      responseContentLength: 5,
      gatewayLatencyMs: 0,
      errorKey: "API_KEY_INVALID",
      publishCount: 2,
      subscribeCount: 0,
    });
    expect(JSON.parse(lines[2]!)).toMatchObject({
      uri: '/q"uote?x=a\\b',
      host: 'h"st',
      userAgent: "back\\slash",
      transactionId: "tab\there",
      pathInfo: '/"',
      planId: "p\\",
    });
    // The very text JSON.stringify writes for that record (key order, escapes, lone surrogates).
    for (const [i, line] of lines.entries())
      expect(line, `line ${i + 1}`).toBe(JSON.stringify(JSON.parse(line)));
  });
});

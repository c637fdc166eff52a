// The differential suite: the fixture APIs (fixtures/*.yaml, one source) run in the real Gravitee
// APIM 4.10.9 gateway (converted to gateway JSON) and in Sluice (compiled), each in front of its own
// recording backend; every request of requests.ts goes to both, and status, headers, bodies and
// what the backend received must agree, except for the intended differences of
// docs/gravitee-differences.md (accepted.ts). Prints `N/M requests agree`.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { acceptedBy } from "./accepted.ts";
import { compare, type Difference } from "./compare.ts";
import { clientFor, send } from "./exchange.ts";
import { type GraviteeGateway, startGravitee } from "./gravitee.ts";
import { type RecordingBackend, startRecordingBackend } from "./recording-backend.ts";
import { diffRequests } from "./requests.ts";
import { convertDirectory } from "./to-gateway-json.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const API_KEY = "differential-key-1";

/** A port nothing listens on: the dead backend. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("Sluice against the real Gravitee gateway", () => {
  let gravitee: GraviteeGateway;
  let sluice: TestGateway;
  let graviteeBackend: RecordingBackend;
  let sluiceBackend: RecordingBackend;

  beforeAll(async () => {
    [graviteeBackend, sluiceBackend] = await Promise.all([startRecordingBackend(), startRecordingBackend()]);
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const shared = {
      DIFF_DEAD_BACKEND: dead,
      SLUICE_API_KEYS_D_APIKEY: API_KEY,
      SLUICE_API_KEYS_D_MIXED_PLANS: API_KEY,
    };
    const files: Record<string, string> = {};
    for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith(".yaml"))) {
      files[f] = readFileSync(`${FIXTURES}${f}`, "utf8");
    }
    [gravitee, sluice] = await Promise.all([
      startGravitee({
        definitions: convertDirectory(FIXTURES),
        env: { ...shared, DIFF_BACKEND: graviteeBackend.url },
        verbose: process.env.DIFF_VERBOSE === "1",
      }),
      startTestGateway(files, { ...shared, DIFF_BACKEND: sluiceBackend.url }),
    ]);
  });

  afterAll(async () => {
    await Promise.allSettled([
      gravitee?.stop(),
      sluice?.close(),
      graviteeBackend?.close(),
      sluiceBackend?.close(),
    ]);
  });

  it("answers every request as Gravitee does, except the documented differences", async () => {
    const requests = diffRequests(API_KEY);
    const g = clientFor(gravitee.port);
    const s = clientFor(sluice.httpPort!);
    let unanswered = 0;
    let agree = 0;
    let acceptedOnly = 0;
    const failures: string[] = [];
    const acceptedIds = new Map<string, number>();
    for (const request of requests) {
      const gBefore = graviteeBackend.received.length;
      const gObserved = await send(g, request);
      const sBefore = sluiceBackend.received.length;
      const sObserved = await send(s, request);
      if (gObserved.status === 0) unanswered++;
      const differences = compare(
        {
          observed: gObserved,
          upstream: graviteeBackend.received.slice(gBefore),
          gatewayPort: gravitee.port,
          backendPort: graviteeBackend.port,
        },
        {
          observed: sObserved,
          upstream: sluiceBackend.received.slice(sBefore),
          gatewayPort: sluice.httpPort!,
          backendPort: sluiceBackend.port,
        },
      );
      const unaccepted: Difference[] = [];
      for (const d of differences) {
        const accepted = acceptedBy(request.name, d);
        if (accepted) acceptedIds.set(accepted.id, (acceptedIds.get(accepted.id) ?? 0) + 1);
        else unaccepted.push(d);
      }
      if (differences.length === 0) agree++;
      else if (unaccepted.length === 0) acceptedOnly++;
      else {
        failures.push(
          `✗ ${request.name} (${request.method} ${request.path})\n${unaccepted
            .map((d) => `    ${d.field}: gravitee ${d.gravitee} · sluice ${d.sluice}`)
            .join("\n")}`,
        );
      }
    }
    const apis = new Set(requests.map((r) => r.path.split("/")[1]));
    const lines = [
      ...failures,
      `accepted differences seen: ${[...acceptedIds].map(([id, n]) => `${id} ×${n}`).join(", ") || "none"}`,
      `${agree + acceptedOnly}/${requests.length} requests agree (${agree} identical, ${acceptedOnly} only in documented differences; ${failures.length} differ) over ${apis.size} context paths`,
    ];
    console.log(lines.join("\n"));
    expect(failures).toEqual([]);
    // Not a vacuous agreement: Gravitee answered every request and proxied most of them.
    expect(unanswered).toBe(0);
    expect(graviteeBackend.received.length).toBeGreaterThan(requests.length * 0.7);
  });
});

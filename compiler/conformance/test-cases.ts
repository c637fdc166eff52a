// `sluice test`: the conformance cases a repository's specs imply, derived from the specs alone —
// each API answers on its context paths through its open plan, secured APIs refuse a request
// without (or with a wrong) credential, message APIs on the mock endpoint deliver on http-get and
// sse. Also the stand-in wiring: every HTTP backend is pointed at one local stand-in server, so
// the cases test the gateway, not the team's backends.
import { apiView } from "../diff/api-view.ts";
import type { Resource } from "../diff/read-side.ts";

export interface TestCase {
  api: string;
  title: string;
  request: { method: string; path: string; headers: Record<string, string> };
  expect:
    | { kind: "stand-in" } // reached the stand-in backend
    | { kind: "status"; status: number }
    | { kind: "messages"; contentType: string };
}

export interface Skipped {
  api: string;
  why: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The spec with every HTTP endpoint's target replaced by the stand-in (`BASE/API-NAME`). */
export function withStandIn(resource: Resource, base: string): Obj {
  const value = structuredClone(resource.value);
  const spec = obj(value.spec);
  const target = `${base}/${resource.name}`;
  if (resource.kind === "ApiDefinition") {
    for (const group of arr(obj(spec.proxy).groups))
      for (const e of arr(obj(group).endpoints)) obj(e).target = target;
  } else if (spec.type === "PROXY") {
    for (const group of arr(spec.endpointGroups))
      for (const e of arr(obj(group).endpoints)) obj(obj(e).configuration).target = target;
  }
  return value;
}

export function testCases(resources: readonly Resource[]): { cases: TestCase[]; skipped: Skipped[] } {
  const cases: TestCase[] = [];
  const skipped: Skipped[] = [];
  for (const r of resources) {
    if (r.kind !== "ApiV4Definition" && r.kind !== "ApiDefinition") continue;
    const view = apiView(r.value);
    const plans = [...view.plans.values()].filter(
      (p) => p.mode !== "PUSH" && !["CLOSED", "STAGING"].includes(p.status),
    );
    const open = plans.find((p) => p.security === "KEY_LESS");
    const paths = [...view.paths.values()];
    if (paths.length === 0) {
      skipped.push({ api: r.name, why: "no HTTP context path (a webhook-only or TCP API)" });
      continue;
    }
    const message = view.type === "MESSAGE";
    const endpoints = [...view.endpoints.values()];
    if (message && endpoints.some((e) => e.type !== "mock")) {
      skipped.push({
        api: r.name,
        why: `its ${[...new Set(endpoints.map((e) => e.type))].join(", ")} endpoint needs a broker`,
      });
      continue;
    }
    const groups = JSON.stringify(
      obj(r.value.spec).endpointGroups ?? obj(obj(r.value.spec).proxy).groups ?? [],
    );
    if (/grpc:\/\/|"HTTP_2"/.test(groups)) {
      skipped.push({ api: r.name, why: "its backend speaks HTTP/2 (gRPC); the stand-in is HTTP/1.1" });
      continue;
    }
    for (const p of paths) {
      const headers: Record<string, string> = p.host ? { host: p.host } : {};
      const at = p.host ? `${p.host}${p.path}` : p.path;
      if (open) {
        if (!message)
          cases.push({
            api: r.name,
            title: `GET ${at} reaches the backend through the ${open.name} plan`,
            request: { method: "GET", path: p.path, headers },
            expect: { kind: "stand-in" },
          });
        else {
          if (view.entrypoints.has("http-get"))
            cases.push({
              api: r.name,
              title: `GET ${at} (http-get) delivers the mock's messages`,
              request: { method: "GET", path: p.path, headers: { ...headers, accept: "application/json" } },
              expect: { kind: "messages", contentType: "application/json" },
            });
          if (view.entrypoints.has("sse"))
            cases.push({
              api: r.name,
              title: `GET ${at} (sse) streams the mock's messages`,
              request: { method: "GET", path: p.path, headers: { ...headers, accept: "text/event-stream" } },
              expect: { kind: "messages", contentType: "text/event-stream" },
            });
        }
        continue;
      }
      cases.push({
        api: r.name,
        title: `GET ${at} without credentials is refused (401)`,
        request: {
          method: "GET",
          path: p.path,
          headers: message ? { ...headers, accept: "application/json" } : headers,
        },
        expect: { kind: "status", status: 401 },
      });
      if (plans.some((q) => q.security === "API_KEY"))
        cases.push({
          api: r.name,
          title: `GET ${at} with an unknown API key is refused (401)`,
          request: {
            method: "GET",
            path: p.path,
            headers: { ...headers, "x-gravitee-api-key": "sluice-test-unknown-key" },
          },
          expect: { kind: "status", status: 401 },
        });
      if (plans.some((q) => q.security === "JWT" || q.security === "OAUTH2"))
        cases.push({
          api: r.name,
          title: `GET ${at} with a token that is not valid is refused (401)`,
          request: {
            method: "GET",
            path: p.path,
            headers: { ...headers, authorization: "Bearer sluice.test.invalid" },
          },
          expect: { kind: "status", status: 401 },
        });
    }
  }
  return { cases, skipped };
}

// `sluice test` on a repository it has not seen: the cases it generates, run against the real
// compiled bundle, pass where the gateway does what the specs say — and fail where it cannot (an
// API whose flows match no request answers 404, so "answers through its keyless plan" fails).
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../compiler/cli/main.ts";

const api = (name: string, path: string, plans: string, extra = "") => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: ${path}
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend-group
      type: http-proxy
      endpoints:
        - name: backend
          type: http-proxy
          configuration:
            target: https://backend.invalid/${name}
${extra}  plans:
${plans}`;

const KEYLESS = "    open:\n      name: Open\n      security:\n        type: KEY_LESS\n";
const API_KEY = "    keys:\n      name: Keys\n      security:\n        type: API_KEY\n";
const JWT =
  "    tokens:\n      name: Tokens\n      security:\n        type: JWT\n        configuration:\n          signature: RSA_RS256\n          publicKeyResolver: JWKS_URL\n          resolverParameter: http://127.0.0.1:9/jwks\n";

describe("sluice test", () => {
  it("generates the cases, runs them against the bundle, and fails where the gateway does not answer", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-test-"));
    await mkdir(join(dir, "apis"));
    await writeFile(join(dir, "apis", "open.yaml"), api("open", "/open", KEYLESS));
    await writeFile(join(dir, "apis", "keys.yaml"), api("keys", "/keys", API_KEY));
    await writeFile(join(dir, "apis", "tokens.yaml"), api("tokens", "/tokens", JWT));
    await writeFile(
      join(dir, "apis", "closed.yaml"),
      api("closed", "/closed", KEYLESS, "  flowExecution:\n    matchRequired: true\n"),
    );
    await writeFile(
      join(dir, "apis", "feed.yaml"),
      `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: feed
spec:
  name: feed
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /feed
      entrypoints:
        - type: http-get
        - type: sse
  endpointGroups:
    - name: mock-group
      type: mock
      endpoints:
        - name: mock
          type: mock
          configuration:
            messageInterval: 50
            messageContent: '{"n":1}'
  plans:
${KEYLESS}`,
    );
    let out = "";
    let err = "";
    const previous = process.cwd();
    process.chdir(dir);
    let code: number;
    try {
      code = await main(["test"], { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
    } finally {
      process.chdir(previous);
    }
    const lines = out.trim().split("\n").sort();
    expect(lines).toEqual(
      [
        "FAIL closed: GET /closed/ reaches the backend through the Open plan — 404, the backend was not called",
        "ok   feed: GET /feed/ (http-get) delivers the mock's messages — 200 application/json",
        "ok   feed: GET /feed/ (sse) streams the mock's messages — 200 text/event-stream",
        "ok   keys: GET /keys/ with an unknown API key is refused (401) — 401",
        "ok   keys: GET /keys/ without credentials is refused (401) — 401",
        "ok   open: GET /open/ reaches the backend through the Open plan — 200 from the stand-in",
        "ok   tokens: GET /tokens/ with a token that is not valid is refused (401) — 401",
        "ok   tokens: GET /tokens/ without credentials is refused (401) — 401",
      ].sort(),
    );
    expect(err).toContain("7 passed, 1 failed, 0 APIs skipped");
    expect(code).toBe(1);
  }, 120000);

  it("a repository with errors is reported where they are, not tested", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-test-"));
    await mkdir(join(dir, "apis"));
    await writeFile(
      join(dir, "apis", "bad.yaml"),
      api("bad", "/bad", KEYLESS).replace("name: backend-group", "name: backend"),
    );
    let out = "";
    let err = "";
    const previous = process.cwd();
    process.chdir(dir);
    try {
      expect(await main(["test"], { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) })).toBe(1);
    } finally {
      process.chdir(previous);
    }
    expect(out).toMatch(/^apis\/bad\.yaml:\d+:\d+: error endpoint\/duplicate-name/m);
    expect(err).toContain("apis has errors (above); fix them before testing");
  });
});

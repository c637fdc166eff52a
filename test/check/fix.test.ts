// `sluice check --fix`: the mistakes Gravitee tolerates are rewritten in place — only them, with
// every comment, quote and blank line elsewhere kept — each change printed with its place; a
// second run changes nothing; what is ambiguous stays a diagnostic.
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";

const BEFORE = `# Copied by hand from a Gravitee export.
apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: hooks
spec:
  name: "Hooks"   # shown in the portal
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /hooks
      entrypoints:
        - type: http-get
    - type: SUBSCRIPTION
      paths: # Gravitee ignores this
        - path: /ignored
      entrypoints:
        - type: webhook

  endpointGroups:
    - name: mock-group
      type: mock
      endpoints:
        - name: mock
          type: mock
          configuration: { messageContent: hi }
  flows:
    - name: typo
      pre: []
      methods: []
      selectors:
        - type: CHANNEL
          channel: /
          channelOperator: "START_WITH"
    - name: v2 spelling
      selectors:
        - type: CHANNEL
          channel: /y
          channel-operator: STARTS_WITH # the default anyway
    - name: meant equals
      selectors:
        - type: CHANNEL
          channel: /x
          channelOperator: EQUAL
  plans:
    free:
      name: Free
      mode: PUSH
---
# a second document: its own pointers
apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: other
spec:
  name: other
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /other
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: g
      type: http-proxy
      endpoints:
        - name: e
          type: http-proxy
          configuration:
            target: http://127.0.0.1:9
  flows:
    - selectors:
        - type: HTTP
          path: /
          pathOperator: 'starts_with'
      condition: ""
  plans:
    open:
      name: Open
      security:
        type: KEY_LESS
`;

const check = (dir: string, args: string[]) => runCli(["check", ...args], dir);

describe("sluice check --fix", () => {
  it("rewrites only the tolerated mistakes, keeps the rest of the file, says what it changed, and is idempotent", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-fix-"));
    await mkdir(join(dir, "apis"));
    await writeFile(join(dir, "apis", "hooks.yaml"), BEFORE);

    const plain = await check(dir, ["apis"]);
    expect(plain.code).toBe(1);
    expect(plain.err).toContain("sluice: 7 of these can be fixed in place: sluice check apis --fix");

    const fixed = await check(dir, ["apis", "--fix"]);
    expect(fixed.out.split("\n").filter((l) => l.startsWith("fixed"))).toEqual([
      "fixed apis/hooks.yaml:17:7 schema/unknown-property: `paths` on a SUBSCRIPTION listener removed (Gravitee ignores it: nothing listens)",
      "fixed apis/hooks.yaml:31:7 schema/unknown-property: empty v2 flow key `pre` removed (Gravitee ignores it on a v4 flow)",
      "fixed apis/hooks.yaml:32:7 schema/unknown-property: empty v2 flow key `methods` removed (Gravitee ignores it on a v4 flow)",
      "fixed apis/hooks.yaml:36:28 schema/enum: channelOperator: START_WITH → STARTS_WITH (what Gravitee reads)",
      "fixed apis/hooks.yaml:41:11 schema/unknown-property: `channel-operator` → `channelOperator` (the same STARTS_WITH Gravitee applies)",
      "fixed apis/hooks.yaml:79:25 schema/enum: pathOperator: starts_with → STARTS_WITH (what Gravitee reads)",
      "fixed apis/hooks.yaml:80:7 schema/unknown-property: empty v2 flow key `condition` removed (Gravitee ignores it on a v4 flow)",
    ]);
    expect(fixed.err).toContain("sluice: 7 fixes written");
    const after = await readFile(join(dir, "apis", "hooks.yaml"), "utf8");
    expect(after).toBe(
      BEFORE.replace("      paths: # Gravitee ignores this\n        - path: /ignored\n", "")
        .replace("      pre: []\n      methods: []\n", "")
        .replace('channelOperator: "START_WITH"', 'channelOperator: "STARTS_WITH"')
        .replace("pathOperator: 'starts_with'", "pathOperator: 'STARTS_WITH'")
        .replace('      condition: ""\n', "")
        .replace("channel-operator: STARTS_WITH #", "channelOperator: STARTS_WITH #"),
    );
    // EQUAL: meant EQUALS, read by Gravitee as STARTS_WITH — ambiguous, so it stays an error.
    expect(fixed.out).toMatch(
      /^apis\/hooks\.yaml:42:28: error schema\/enum: `EQUAL` is not a valid value for `channelOperator`$/m,
    );
    expect(fixed.code).toBe(1);

    const again = await check(dir, ["apis", "--fix"]);
    expect(again.out).not.toContain("fixed");
    expect(again.err).toContain("sluice: 0 fixes written");
    expect(await readFile(join(dir, "apis", "hooks.yaml"), "utf8")).toBe(after);
  });

  it("with --format json, the changes go to stderr and stdout stays JSON", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-fix-"));
    await mkdir(join(dir, "apis"));
    await writeFile(join(dir, "apis", "hooks.yaml"), BEFORE);
    const { out, err } = await check(dir, ["apis", "--fix", "--format", "json"]);
    const left = JSON.parse(out) as Array<{ code: string }>;
    expect(left.map((d) => d.code).sort()).toEqual(["schema/enum"]);
    expect(err).toContain(
      "fixed apis/hooks.yaml:36:28 schema/enum: channelOperator: START_WITH → STARTS_WITH",
    );
  });
});

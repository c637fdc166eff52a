// `sluice new` with flags (scripts, CI): every combination of exposure, entrypoints, endpoint and
// security it offers writes a spec that passes `sluice check`; impossible answers are refused
// before anything is written; a missing answer without a terminal names its flag.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  MESSAGE_ENDPOINT_TYPES,
  MESSAGE_ENTRYPOINT_TYPES,
  SECURITY_CHOICES,
} from "../../compiler/new/build-api.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { runCli as run } from "../helpers/cli.ts";

const BROKER: Record<string, string[]> = {
  mock: [],
  kafka: ["--target", "localhost:9092", "--topic", "events"],
  mqtt5: ["--target", "localhost:1883", "--topic", "events/#"],
  rabbitmq: ["--target", "localhost:5672", "--topic", "events"],
  solace: ["--target", "tcp://localhost:1883", "--topic", "events"],
};
const SECURITY: Record<string, string[]> = Object.fromEntries(
  SECURITY_CHOICES.map((c) => [c.flag, c.flag === "jwt" ? ["--jwks-url", "https://idp.example/jwks"] : []]),
);

/** Every endpoint × each entrypoint alone and all together × every security. */
const cases: Array<[string, string[]]> = [];
for (const [security, extra] of Object.entries(SECURITY))
  cases.push([
    `proxy ${security}`,
    ["--type", "proxy", "--target", "http://backend.internal/v1", "--security", security, ...extra],
  ]);
for (const endpoint of MESSAGE_ENDPOINT_TYPES)
  for (const entrypoints of [...MESSAGE_ENTRYPOINT_TYPES.map((e) => [e]), [...MESSAGE_ENTRYPOINT_TYPES]])
    for (const [security, extra] of Object.entries(SECURITY))
      cases.push([
        `message ${endpoint} ${entrypoints.join("+")} ${security}`,
        [
          "--type",
          "message",
          "--endpoint",
          endpoint,
          "--entrypoints",
          entrypoints.join(","),
          ...BROKER[endpoint]!,
          "--security",
          security,
          ...extra,
        ],
      ]);

describe("sluice new with flags", () => {
  it("every combination it offers writes a spec that passes check", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-new-"));
    let i = 0;
    for (const [title, args] of cases) {
      const name = `api-${++i}`;
      const { code, err } = await run(["new", "--name", name, "--path", `/${name}`, ...args], dir);
      expect(code, `${title}: ${err}`).toBe(0);
      expect(err).toContain(`wrote apis/${name}.yaml, checked, no errors`);
    }
    expect((await readdir(join(dir, "apis"))).length).toBe(cases.length);
    const check = await checkRepository({ target: join(dir, "apis") });
    expect(check.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const webhookOnly = cases.findIndex(([title]) => title === "message mock webhook keyless") + 1;
    expect(webhookOnly).toBeGreaterThan(0);
    expect(await readFile(join(dir, "apis", `api-${webhookOnly}.yaml`), "utf8")).toContain("mode: PUSH");
  });

  it("refuses what the rules do not allow, and names a missing flag", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-new-"));
    const refused = async (args: string[], message: string) => {
      const { code, err } = await run(["new", "--name", "x", ...args], dir);
      expect(code).toBe(2);
      expect(err).toContain(message);
    };
    await refused(
      ["--type", "proxy", "--entrypoints", "sse"],
      "a PROXY API has the http-proxy entrypoint only",
    );
    await refused(["--type", "proxy", "--endpoint", "kafka"], "a PROXY API has the http-proxy endpoint only");
    await refused(
      ["--type", "message", "--entrypoints", "http-proxy"],
      "`http-proxy` is not a message entrypoint",
    );
    await refused(
      ["--type", "message", "--entrypoints", "sse", "--endpoint", "http-proxy"],
      "--endpoint must be one of",
    );
    await refused(["--type", "proxy", "--target", "ftp://x"], "--target must be an http:// or https:// URL");
    await refused(
      ["--type", "proxy", "--target", "http://x", "--security", "basic"],
      "--security must be one of",
    );
    await refused(["--type", "proxy"], "--target is missing (no terminal to ask in)");
    await refused(["--type", "proxy", "--target", "http://x", "--security", "jwt"], "--jwks-url is missing");
    expect((await run(["new", "--name", "Bad Name"], dir)).err).toContain("lowercase letters, digits and -");
    await expect(readdir(join(dir, "apis"))).rejects.toThrow();
  });

  it("the documentation step: a page from a Markdown, OpenAPI or AsyncAPI file, or generated; a missing file is refused", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-new-docs-"));
    await writeFile(join(dir, "guide.md"), "# Guide\n\nHow to call it.\n");
    await writeFile(
      join(dir, "api.json"),
      '{"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {}}\n',
    );
    await writeFile(join(dir, "events.yaml"), "asyncapi: 3.0.0\ninfo:\n  title: x\n  version: '1'\n");
    const base = [
      "new",
      "--type",
      "proxy",
      "--target",
      "https://b.example",
      "--security",
      "keyless",
      "--yes",
    ];
    const pages: Array<[string, string, string]> = [
      ["guide.md", "home", "MARKDOWN"],
      ["api.json", "openapi", "SWAGGER"],
      ["events.yaml", "asyncapi", "ASYNCAPI"],
    ];
    for (const [file, key, type] of pages) {
      const name = `docs-${key}`;
      expect((await run([...base, "--name", name, "--docs", file], dir)).code).toBe(0);
      const spec = await readFile(join(dir, "apis", `${name}.yaml`), "utf8");
      expect(spec).toContain(`  pages:\n    ${key}:\n`);
      expect(spec).toContain(`      type: ${type}\n`);
      expect(spec).toContain(`      published: true\n`);
    }
    expect(await readFile(join(dir, "apis", "docs-home.yaml"), "utf8")).toContain(
      "      content: |\n        # Guide\n\n        How to call it.\n",
    );
    const missing = await run([...base, "--name", "nodoc", "--docs", "nowhere.md"], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("--docs: no such file `nowhere.md`");
    const check = await checkRepository({ target: join(dir, "apis") });
    expect(check.diagnostics).toEqual([]);
  });

  it("a path another API uses: nothing is written", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-new-"));
    const proxy = ["--type", "proxy", "--target", "http://b", "--security", "keyless", "--path", "/shared"];
    expect((await run(["new", "--name", "first", ...proxy], dir)).code).toBe(0);
    const second = await run(["new", "--name", "second", ...proxy], dir);
    expect(second.code).toBe(1);
    expect(second.out).toContain("path/duplicate");
    expect(second.err).toContain("apis/second.yaml would not pass check (above); nothing written");
    expect(await readdir(join(dir, "apis"))).toEqual(["first.yaml"]);
  });
});

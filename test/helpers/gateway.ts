// Test helper: compile an API repository given as YAML text into a fresh directory under .tmp/
// and run the gateway in-process on free ports. Emits only (no tsc, no bundle) for speed: the
// generated TypeScript is imported directly. test/compile/ covers type-checking and bundling.
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { compileRepository, PROJECT_DIR } from "../../compiler/compile.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import type { GatewayBundle } from "../../runtime/contract.ts";
import { type RunningGateway, runGateway } from "../../runtime/server/gateway.ts";
import { createLogger } from "../../runtime/server/log.ts";

export interface TestGateway extends RunningGateway {
  url: string;
  adminUrl: string;
  dir: string;
  logs: string[];
}

export async function writeRepository(files: Record<string, string>): Promise<string> {
  const dir = join(PROJECT_DIR, ".tmp", "tests", randomUUID());
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, "apis", path)), { recursive: true });
    await writeFile(join(dir, "apis", path), text);
  }
  return dir;
}

export async function compileForTest(files: Record<string, string>): Promise<{ dir: string; out: string }> {
  const dir = await writeRepository(files);
  const out = join(dir, "generated");
  const result = await compileRepository({
    target: join(dir, "apis"),
    outDir: out,
    emitOnly: true,
    cwd: dir,
  });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const located = errors.map((d) => locateDiagnostic(result.sources, d));
    throw new Error(
      `compile failed:\n${located.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join("\n")}`,
    );
  }
  return { dir, out };
}

/**
 * Compiles `files` (paths below apis/) and starts the gateway on free ports. `link` may change the
 * compiled bundle before it starts (tests that give plans their subscriptions).
 */
export async function startTestGateway(
  files: Record<string, string>,
  env: Record<string, string> = {},
  link: (bundle: GatewayBundle) => GatewayBundle = (bundle) => bundle,
): Promise<TestGateway> {
  const { dir, out } = await compileForTest(files);
  const bundle = ((await import(join(out, "gateway.ts"))) as { bundle: GatewayBundle }).bundle;
  const logs: string[] = [];
  const gateway = await runGateway(link(bundle), {
    env: {
      SLUICE_HTTP_PORT: "0",
      SLUICE_ADMIN_PORT: "0",
      SLUICE_HOST: "127.0.0.1",
      SLUICE_DRAIN_TIMEOUT_MS: "2000",
      // The access log (stdout by default) is asked for by the tests that read it.
      SLUICE_ACCESS_LOG: "off",
      ...process.env,
      ...env,
    },
    manageProcess: false,
    log: createLogger({}, (line) => logs.push(line)),
  });
  return {
    ...gateway,
    url: `http://127.0.0.1:${gateway.httpPort}`,
    adminUrl: `http://127.0.0.1:${gateway.adminPort}`,
    dir,
    logs,
    close: async () => {
      await gateway.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

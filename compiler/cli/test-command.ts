// `sluice test [DIR]`: conformance tests generated from the specs (compiler/conformance/), run
// against the compiled bundle with a stand-in backend: a team gets a first test suite for its
// gateway without writing one. The specs are compiled again into a temporary directory with every
// HTTP target pointed at the stand-in; the team's generated/ is not touched.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { EXIT_OK, EXIT_SPEC_ERRORS, type Io, parse, UsageError } from "./main.ts";
import { renderDiagnostics } from "./report.ts";

const HELP = `Usage: sluice test [DIR]

Generates conformance tests from the specs in DIR (default apis/), compiles them into a temporary
gateway whose HTTP backends are a local stand-in, starts it and runs the tests:
  every API answers on its context paths through its keyless plan; APIs without one refuse a
  request without credentials, with an unknown API key, with an invalid token (401); MESSAGE
  APIs on the mock endpoint deliver on http-get and sse. APIs on brokers are listed as skipped.
`;

export async function commandTest(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError("test takes one DIR");
  const dir = positionals[0] ?? "apis";
  const { readSide, SideError } = await import("../diff/read-side.ts");
  const { testCases, withStandIn } = await import("../conformance/test-cases.ts");
  const { startStandIn, startBundle, runCase, BundleError } = await import("../conformance/run-tests.ts");
  const { compileRepository } = await import("../compile.ts");
  let side: Awaited<ReturnType<typeof readSide>>;
  try {
    side = await readSide(dir, dir);
  } catch (error) {
    if (error instanceof SideError) throw new UsageError(`${dir}: no such directory`);
    throw error;
  }
  // The team's specs must check first: errors are shown where they are, not in the test copy.
  const { checkRepository, hasErrors } = await import("../pipeline.ts");
  const check = await checkRepository({ target: dir });
  if (hasErrors(check.diagnostics)) {
    io.out(renderDiagnostics(check.diagnostics, check.sources, "human"));
    io.err(`sluice: ${dir} has errors (above); fix them before testing`);
    return EXIT_SPEC_ERRORS;
  }
  const resources = [...side.resources.values()];
  const { cases, skipped } = testCases(resources);
  const standIn = await startStandIn();
  const work = await mkdtemp(join(tmpdir(), "sluice-test-"));
  try {
    await mkdir(join(work, "apis"));
    await writeFile(
      join(work, "apis", "specs.yaml"),
      resources.map((r) => stringify(withStandIn(r, standIn.url), { lineWidth: 0 })).join("---\n"),
    );
    io.err(
      `sluice: ${cases.length} test${cases.length === 1 ? "" : "s"}; compiling the gateway with stand-in backends …`,
    );
    const compiled = await compileRepository({
      target: join(work, "apis"),
      outDir: join(work, "generated"),
      cwd: work,
    });
    if (compiled.diagnostics.some((d) => d.severity === "error") || compiled.internalErrors.length > 0) {
      io.out(renderDiagnostics(compiled.diagnostics, compiled.sources, "human"));
      io.err(`sluice: ${dir} does not compile; run \`sluice check ${dir}\``);
      return EXIT_SPEC_ERRORS;
    }
    let gateway: Awaited<ReturnType<typeof startBundle>>;
    try {
      gateway = await startBundle(join(work, "generated", "dist", "gateway.mjs"), process.env);
    } catch (error) {
      if (error instanceof BundleError) {
        io.out(error.output.trim());
        io.err(`sluice: ${error.message}`);
        return EXIT_SPEC_ERRORS;
      }
      throw error;
    }
    let failed = 0;
    try {
      for (const test of cases) {
        const outcome = await runCase(test, gateway.url, standIn);
        if (!outcome.ok) failed++;
        io.out(`${outcome.ok ? "ok  " : "FAIL"} ${test.api}: ${test.title} — ${outcome.detail}`);
      }
    } finally {
      await gateway.stop();
    }
    for (const s of skipped) io.out(`skip ${s.api}: ${s.why}`);
    io.err(
      `sluice: ${cases.length - failed} passed, ${failed} failed, ${skipped.length} API${skipped.length === 1 ? "" : "s"} skipped`,
    );
    return failed > 0 ? EXIT_SPEC_ERRORS : EXIT_OK;
  } finally {
    await standIn.close();
    await rm(work, { recursive: true, force: true });
  }
}

// `sluice test [DIR]`: conformance tests generated from the specs (compiler/conformance/), run
// against the compiled bundle with stand-in backends: a team gets a test suite for its gateway
// without writing one. The specs are compiled again into a temporary directory — HTTP targets
// pointed at the stand-in, credentials injected (stand-ins.ts) —; the team's generated/ is not
// touched.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { EXIT_OK, EXIT_SPEC_ERRORS, type Io, parse, UsageError } from "./main.ts";
import { renderDiagnostics } from "./report.ts";

const HELP = `Usage: sluice test [DIR] [--reporter human|json|junit]

Generates conformance tests from the specs in DIR (default apis/), compiles them into a temporary
gateway whose HTTP backends are a local stand-in, starts it and runs the tests: every API answers
on its context paths through each plan (API keys, JWTs, OAuth2 tokens and client certificates are
made for the test), refuses requests without or with a foreign credential, applies its flows where
their selectors say (transform-headers, mock), trips its rate limits, and delivers messages from
the mock endpoint or its Kafka, MQTT 5 or RabbitMQ broker. What cannot be tested is listed as
skipped, with the reason (docs/test.md).
  --reporter  human (default): one line per case; json; junit (XML for CI test reports)
Exit code 1 when a case fails.
`;

export async function commandTest(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { reporter: { type: "string" } });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const { REPORTERS, humanLine, skipLine, summary, renderJson, renderJunit } = await import(
    "../conformance/report.ts"
  );
  const reporter = (values.reporter ?? "human") as (typeof REPORTERS)[number];
  if (!REPORTERS.includes(reporter))
    throw new UsageError(`--reporter must be one of ${REPORTERS.join(", ")}, not \`${values.reporter}\``);
  if (positionals.length > 1) throw new UsageError("test takes one DIR");
  const dir = positionals[0] ?? "apis";
  const { readSide, SideError } = await import("../diff/read-side.ts");
  const { testCases } = await import("../conformance/test-cases.ts");
  const { testCopy } = await import("../conformance/stand-ins.ts");
  const { startStandIn, startBundle, runCase, probe, BundleError } = await import(
    "../conformance/run-tests.ts"
  );
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
  const standIn = await startStandIn();
  const work = await mkdtemp(join(tmpdir(), "sluice-test-"));
  try {
    const { hasOpenssl, makePki } = await import("../conformance/certificates.ts");
    const copy = await testCopy(resources, standIn.url, () =>
      hasOpenssl() ? makePki(join(work, "pki")) : undefined,
    );
    for (const [path, doc] of copy.jwks) standIn.jwks.set(path, doc);
    for (const [token, answer] of copy.introspection) standIn.introspection.set(token, answer);
    const env = { ...process.env, ...copy.env, SLUICE_SECRETS_DIR: join(work, "secrets") };
    // Brokers are probed once: a case is generated only for one the gateway can reach.
    const reachable = new Map<string, boolean>();
    testCases(resources, { ...copy, env, reachable: (hp) => reachable.set(hp, false) && false });
    await Promise.all([...reachable.keys()].map(async (hp) => reachable.set(hp, await probe(hp))));
    const { cases, skipped } = testCases(resources, {
      ...copy,
      env,
      reachable: (hp) => reachable.get(hp) === true,
    });
    await mkdir(join(work, "apis"));
    await writeFile(
      join(work, "apis", "specs.yaml"),
      copy.resources.map((r) => stringify(r, { lineWidth: 0 })).join("---\n"),
    );
    for (const [path, value] of copy.secrets) {
      await mkdir(dirname(join(work, "secrets", path)), { recursive: true });
      await writeFile(join(work, "secrets", path), value, { mode: 0o600 });
    }
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
      io.err(`sluice: the test copy of ${dir} does not compile (above)`);
      return EXIT_SPEC_ERRORS;
    }
    let gateway: Awaited<ReturnType<typeof startBundle>>;
    try {
      gateway = await startBundle(
        join(work, "generated", "dist", "gateway.mjs"),
        env,
        copy.tls && {
          certFile: copy.tls.serverCertFile,
          keyFile: copy.tls.serverKeyFile,
          clientCaFile: copy.tls.caFile,
        },
      );
    } catch (error) {
      if (error instanceof BundleError) {
        io.out(error.output.trim());
        io.err(`sluice: ${error.message}`);
        return EXIT_SPEC_ERRORS;
      }
      throw error;
    }
    const outcomes = [];
    try {
      for (const test of cases) {
        const outcome = await runCase(test, gateway, standIn, copy.tls?.ca);
        outcomes.push(outcome);
        if (reporter === "human") io.out(humanLine(outcome));
      }
    } finally {
      await gateway.stop();
    }
    if (reporter === "human") for (const s of skipped) io.out(skipLine(s));
    else io.out(reporter === "json" ? renderJson(outcomes, skipped) : renderJunit(outcomes, skipped));
    io.err(`sluice: ${summary(outcomes, skipped)}`);
    return outcomes.some((o) => !o.ok) ? EXIT_SPEC_ERRORS : EXIT_OK;
  } finally {
    await standIn.close();
    await rm(work, { recursive: true, force: true });
  }
}

// `sluice import FILE|DIR|- [--out DIR]`: converts Gravitee exports, GKO manifests and OpenAPI
// documents into one GKO-shaped YAML file per API (compiler/import/), writes them, then checks the
// output directory, so the report ends with what is still to fix — real mistakes in the exports and
// features Sluice does not implement — instead of leaving that to the first `sluice check`.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { importHeader } from "../import/import-apis.ts";
import { EXIT_OK, EXIT_SPEC_ERRORS, type Io, parse, UsageError } from "./main.ts";
import { renderDiagnostics } from "./report.ts";

const HELP = `Usage: sluice import FILE|DIR|- [--out DIR] [--force]

Converts APIs into GKO-shaped YAML specs, one file per API, in DIR (default apis/):
  Gravitee Management API exports (v4 PROXY and MESSAGE, v2), gateway definitions,
  APIM's CRD export and GKO manifests (YAML or JSON), OpenAPI 3.0 / 3.1 documents.
Secrets found in the input are replaced by \${ENV} references and listed.
Importing a file twice, or Sluice's own specs, changes nothing. A file in DIR that import did not
write from the same input is not overwritten unless --force is given.
`;

export async function commandImport(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: "string" }, force: { type: "boolean" } });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError("import needs a FILE, DIR or - (standard input)");
  const { importApis, inputFiles } = await import("../import/import-apis.ts");
  const inputs: Array<{ path: string; text?: string }> = [];
  for (const target of positionals) {
    if (target === "-") {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      inputs.push({ path: "<stdin>", text: Buffer.concat(chunks).toString("utf8") });
      continue;
    }
    let files: string[];
    try {
      files = await inputFiles(target);
    } catch {
      throw new UsageError(`${target}: no such file or directory`);
    }
    inputs.push(...files.map((path) => ({ path })));
  }
  const outDir = resolve(String(values.out ?? "apis"));
  const result = await importApis(inputs);
  await mkdir(outDir, { recursive: true });
  const lines: string[] = [];
  const written: string[] = [];
  let refused = 0;
  for (const api of result.apis) {
    // A spec already in DIR that needs no change stays where it is (no copy beside it).
    const input = resolve(api.source);
    if (api.unchanged && input.startsWith(`${outDir}${sep}`)) {
      lines.push(`${api.source} (${api.format}, unchanged, in place)`);
      written.push(input);
      continue;
    }
    const target = join(outDir, api.file);
    const shown = relative(process.cwd(), target) || target;
    const before = await readFile(target, "utf8").catch(() => undefined);
    // A file import did not write from this source (a hand-written spec with the same name) is
    // never replaced without --force.
    const ours =
      before === undefined || before === api.text || before.startsWith(`${importHeader(api.source)} (`);
    if (!ours && !values.force) {
      lines.push(
        `${shown} ← ${api.source}: error: ${shown} exists and was not imported from ${api.source}; not overwritten (--force overwrites)`,
      );
      refused++;
      continue;
    }
    if (before !== api.text) await writeFile(target, api.text);
    written.push(target);
    const what = before === undefined ? "created" : before === api.text ? "unchanged" : "updated";
    lines.push(`${shown} ← ${api.source} (${api.format}, ${what})`);
    for (const note of api.notes) lines.push(`  ${note.kind} ${note.pointer || "/"}: ${note.message}`);
    for (const s of api.secrets) lines.push(`  secret ${s.pointer}: replaced by \${${s.env}}`);
  }
  for (const skip of result.skipped) lines.push(`${skip.source}: skipped, ${skip.message}`);
  for (const failure of result.failures) lines.push(`${failure.source}: error: ${failure.message}`);
  if (lines.length > 0) io.out(lines.join("\n"));
  const secrets = result.apis.flatMap((a) => a.secrets.map((s) => s.env));
  if (secrets.length > 0)
    io.out(
      `\nSet these environment variables where the gateway runs (the secrets were taken out): ${secrets.join(", ")}`,
    );
  let checkErrors = 0;
  if (written.length > 0) {
    // What is left to fix: `sluice check` on the imported files.
    const { checkRepository, hasErrors } = await import("../pipeline.ts");
    const check = await checkRepository({ target: relative(process.cwd(), outDir) || ".", allowEmpty: true });
    const mine = new Set(written.map((w) => relative(process.cwd(), w)));
    const ours = check.diagnostics.filter((d) => mine.has(d.at.file));
    checkErrors = ours.filter((d) => d.severity === "error").length;
    const printed = renderDiagnostics(ours, check.sources, "human");
    if (printed)
      io.out(
        `\nsluice check finds (real mistakes in the input, or what Sluice does not implement):\n${printed}`,
      );
    const { fixesFor } = await import("../check/fixes.ts");
    const fixable = fixesFor(ours, check.documents).length;
    if (fixable > 0)
      io.out(
        `\n${fixable} of these can be fixed in place (Gravitee reads them the same): sluice check ${relative(process.cwd(), outDir) || "."} --fix`,
      );
    if (!hasErrors(ours))
      io.err(
        `sluice: ${result.apis.length} API${result.apis.length === 1 ? "" : "s"} imported, checked, no errors`,
      );
  }
  io.err(
    `sluice: ${counted(result.apis)} imported into ${relative(process.cwd(), outDir) || "."}` +
      (result.failures.length > 0
        ? `, ${result.failures.length} input${result.failures.length === 1 ? "" : "s"} failed`
        : "") +
      (checkErrors > 0 ? `, ${checkErrors} check error${checkErrors === 1 ? "" : "s"} to fix (above)` : ""),
  );
  return result.failures.length > 0 || refused > 0 ? EXIT_SPEC_ERRORS : EXIT_OK;
}

/** `1 API`, `3 APIs`, or `18 resources (11 APIs)` when Applications or Subscriptions came along. */
function counted(written: ReadonlyArray<{ format: string }>): string {
  const apis = written.filter((w) => !/GKO (Application|Subscription|ApiResource)$/.test(w.format)).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return apis === written.length
    ? plural(apis, "API")
    : `${plural(written.length, "resource")} (${plural(apis, "API")})`;
}

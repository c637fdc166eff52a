// `sluice docs [DIR] [--out site/] [--gateway-url URL] [--title T]`: check the specs, then write the
// developer portal (compiler/docs/build-site.ts) into OUT, replacing what a previous run wrote.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { buildSite, collectApiDocs } from "../docs/build-site.ts";
import { hasErrors } from "../pipeline.ts";
import { EXIT_OK, EXIT_SPEC_ERRORS, formatOption, type Io, parse, UsageError } from "./main.ts";
import { renderDiagnostics } from "./report.ts";

const USAGE =
  "Usage: sluice docs [DIR|FILE|-] [--out site] [--gateway-url http://localhost:8082] [--title T] [--format human|json|github]\n";

export async function commandDocs(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: "string", short: "o" },
    "gateway-url": { type: "string" },
    title: { type: "string" },
    format: { type: "string" },
  });
  if (values.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError("docs takes one DIR, FILE or -");
  const format = formatOption(values.format);
  const gatewayUrl = values["gateway-url"] ?? "http://localhost:8082";
  try {
    new URL(gatewayUrl);
  } catch {
    throw new UsageError(`--gateway-url must be a URL, not \`${gatewayUrl}\``);
  }
  const outDir = values.out ?? "site";
  const { checkRepository } = await import("../pipeline.ts");
  const result = await checkRepository({ target: positionals[0] ?? "apis", allowEmpty: false });
  const printed = renderDiagnostics(result.diagnostics, result.sources, format);
  if (printed) io.out(printed);
  if (hasErrors(result.diagnostics) || !result.model) return EXIT_SPEC_ERRORS;
  const options = { gatewayUrl, ...(values.title ? { title: values.title } : {}) };
  const apis = collectApiDocs(result.model, result.valid, options);
  const files = buildSite(apis, options);
  await rm(outDir, { recursive: true, force: true });
  for (const file of files) {
    const path = join(outDir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.text);
  }
  const pages = apis.reduce((n, a) => n + a.pages.length, 0);
  io.err(
    `sluice: developer portal for ${apis.length} API${apis.length === 1 ? "" : "s"} (${pages} page${pages === 1 ? "" : "s"}) in ${relative(process.cwd(), outDir) || "."}/`,
  );
  return EXIT_OK;
}

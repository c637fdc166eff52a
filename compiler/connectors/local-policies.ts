// An API repository's own TypeScript policies: `policies/<id>/` in the repository's root (beside
// apis/), each the folder of a built-in policy — manifest.json, schema.json, index.ts (written
// against `definePolicy` from `sluice/runtime`), README.md optional. Their schemas are assembled
// into the repository's spec schemas (so `sluice check` validates their configurations, located),
// their modules are type-checked with the generated gateway and linked like built-in ones
// (docs/custom-policies.md). A folder that is not usable is a `policy/invalid-folder` error located
// in the file at fault.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { Ajv } from "ajv";
import { MANIFESTS } from "../../runtime/connector-manifests.ts";
import { answersTo, type ConnectorManifest } from "../../runtime/manifest.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoadInput } from "../load/load-specs.ts";
import { SourceFile } from "../load/source-set.ts";
import { assembleSchemas, schemaText } from "../validate/assemble-schemas.ts";
import { SCHEMA_FILES, SCHEMAS_DIR } from "../validate/schemas.ts";
import { type SpecSchemas, specSchemas } from "../validate/validate-spec.ts";
import { type ConnectorFolder, manifestProblems, readConnectorFolders } from "./folders.ts";

export interface LocalPolicies {
  /** The policies/ folder (absolute), whether or not it exists. */
  dir: string;
  /** The usable policy folders. */
  folders: ConnectorFolder[];
  diagnostics: Diagnostic[];
  /** The files read, by absolute path, for locating diagnostics in them (manifests, schemas, modules). */
  sources: Map<string, SourceFile>;
  /** A digest of every file below policies/ (a changed module rebuilds the gateway). */
  fingerprint: string;
  /** The spec schemas with these policies, when there are any. */
  schemas?: SpecSchemas;
}

/**
 * `policies/` of the API repository: in its root, the nearest directory with a package.json at or
 * above the specs (beside apis/ in a repository made by `sluice init`). None without a package.json.
 */
export function localPoliciesDir(input: LoadInput): string | undefined {
  if (input.target === "-") return undefined;
  const target = resolve(input.cwd ?? process.cwd(), input.target);
  for (
    let dir = existsSync(target) && statSync(target).isDirectory() ? target : dirname(target);
    ;
    dir = dirname(dir)
  ) {
    if (existsSync(join(dir, "package.json"))) return join(dir, "policies");
    if (dirname(dir) === dir) return undefined;
  }
}

export function readLocalPolicies(dir: string | undefined, cwd: string = process.cwd()): LocalPolicies {
  const out: LocalPolicies = {
    dir: dir ?? "",
    folders: [],
    diagnostics: [],
    sources: new Map(),
    fingerprint: "",
  };
  if (!dir || !existsSync(dir)) return out;
  const hash = createHash("sha256");
  const display = (file: string) => relative(cwd, file) || file;
  const problem = (file: string, pointer: string, message: string) =>
    out.diagnostics.push({
      code: "policy/invalid-folder",
      severity: "error",
      message,
      hint: "docs/custom-policies.md lists what a policy folder holds",
      at: { file: display(file), doc: 0, pointer },
    });
  const read = (file: string): string | undefined => {
    if (!existsSync(file)) return undefined;
    const text = readFileSync(file, "utf8");
    out.sources.set(file, new SourceFile(display(file), text));
    return text;
  };
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith("."))
    .map((d) => d.name)
    .sort();
  for (const name of names) {
    const folder = join(dir, name);
    for (const file of readdirSync(folder, { recursive: true }).map(String).sort()) {
      const path = join(folder, file);
      if (!statSync(path).isFile()) continue;
      hash.update(`${name}/${file}\0`).update(readFileSync(path)).update("\0");
      if (/\.[cm]?ts$/.test(file)) read(path);
    }
    const usable = readFolder(folder, name, read, problem);
    if (usable) out.folders.push(usable);
  }
  out.fingerprint = hash.digest("hex").slice(0, 16);
  if (out.folders.length > 0) {
    try {
      const assembled = assembleSchemas([...readConnectorFolders(), ...out.folders]);
      const texts = Object.entries(SCHEMA_FILES).map(([kind, file]) => {
        const schema = assembled.get(file);
        return [kind, schema ? schemaText(schema) : readFileSync(join(SCHEMAS_DIR, file), "utf8")] as const;
      });
      out.schemas = specSchemas(texts);
    } catch (error) {
      // A definition a policy's schema.json names that is defined elsewhere too, or nowhere.
      for (const f of out.folders) problem(join(f.dir, "schema.json"), "", (error as Error).message);
      out.folders = [];
    }
  }
  return out;
}

function readFolder(
  folder: string,
  name: string,
  read: (file: string) => string | undefined,
  problem: (file: string, pointer: string, message: string) => void,
): ConnectorFolder | undefined {
  const files = {
    manifest: join(folder, "manifest.json"),
    schema: join(folder, "schema.json"),
    index: join(folder, "index.ts"),
  };
  const manifestText = read(files.manifest);
  const schemaText = read(files.schema);
  let ok = true;
  for (const [what, file] of Object.entries(files))
    if (!existsSync(file)) {
      problem(
        folder,
        "",
        `policy folder \`${name}\` has no ${what === "index" ? "index.ts" : `${what}.json`}`,
      );
      ok = false;
    }
  if (!ok || manifestText === undefined || schemaText === undefined) return undefined;
  const manifest = parseJson(manifestText, files.manifest, problem) as ConnectorManifest | undefined;
  const schema = parseJson(schemaText, files.schema, problem) as Record<string, unknown> | undefined;
  if (!manifest || !schema) return undefined;
  for (const line of manifestProblems(manifest)) {
    const [pointer, message] = line.split(": ", 2) as [string, string];
    problem(files.manifest, pointer === "/" ? "" : pointer, `manifest: ${message}`);
    ok = false;
  }
  if (!ok) return undefined;
  if (manifest.kind !== "policy") {
    problem(files.manifest, "/kind", "a folder under policies/ holds a policy: `kind` must be `policy`");
    return undefined;
  }
  if (manifest.id !== name) {
    problem(
      files.manifest,
      "/id",
      `the policy's id \`${manifest.id}\` must be its folder's name \`${name}\``,
    );
    return undefined;
  }
  const clash = (m: ConnectorManifest) =>
    m.kind === "policy" &&
    ([manifest.id, ...manifest.aliases].some((n) => answersTo(m, n)) || m.title === manifest.title);
  const builtIn = MANIFESTS.find(clash);
  if (builtIn) {
    problem(
      files.manifest,
      builtIn.title === manifest.title ? "/title" : "/id",
      `the built-in policy \`${builtIn.id}\` has this ${builtIn.title === manifest.title ? "title" : "id or alias"}: a repository's policy adds a policy, it does not replace one`,
    );
    return undefined;
  }
  const schemaProblem = compileProblem(schema);
  if (schemaProblem) {
    problem(files.schema, "", `schema.json is not a usable JSON Schema: ${schemaProblem}`);
    return undefined;
  }
  return { manifest, dir: folder, schema, readme: "" };
}

function parseJson(
  text: string,
  file: string,
  problem: (file: string, pointer: string, message: string) => void,
): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problem(file, "", `not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/** Whether ajv accepts the schema (references to shared definitions resolved as the assembly will). */
function compileProblem(schema: Record<string, unknown>): string | undefined {
  const ajv = new Ajv({ strict: false, validateSchema: true });
  const { $schema: _s, ...rest } = schema;
  const valid = ajv.validateSchema(rest);
  if (!valid) return ajv.errorsText(ajv.errors);
  return undefined;
}

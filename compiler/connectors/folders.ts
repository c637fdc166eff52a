// Connector folders read from disk: runtime/<kind>/<id>/ of Sluice (and, for an API repository's
// own policies, policies/<id>/ beside apis/). A folder is a connector when it holds manifest.json;
// beside it schema.json (its configuration's JSON Schema), index.ts (the module exporting
// `connector`) and README.md (its section of the reference). The schema assembly and the docs read
// folders; the checker, the linker and the runtime read the built-in manifests as data
// (runtime/connector-manifests.ts, generated from these folders by `npm run gen:schemas`).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { type ConnectorKind, type ConnectorManifest, folderName, KIND_DIRS } from "../../runtime/manifest.ts";
import { PROJECT_DIR } from "../shared/package-dir.ts";

export const RUNTIME_DIR = join(PROJECT_DIR, "runtime");
export const MANIFEST_SCHEMA_FILE = join(
  PROJECT_DIR,
  "compiler",
  "validate",
  "schemas",
  "connector-manifest.schema.json",
);

export interface ConnectorFolder {
  manifest: ConnectorManifest;
  /** Absolute path of the folder. */
  dir: string;
  /** The configuration schema (schema.json). */
  schema: Record<string, unknown>;
  /** README.md, the connector's section of the reference. */
  readme: string;
}

/** The order kinds are listed in (schemas, docs, generated data). */
export const KINDS: readonly ConnectorKind[] = ["entrypoint", "endpoint", "security", "policy"];

let validateManifest: ((value: unknown) => string[]) | undefined;

/** Problems of a manifest against connector-manifest.schema.json, as `pointer: message` lines. */
export function manifestProblems(value: unknown): string[] {
  if (!validateManifest) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(MANIFEST_SCHEMA_FILE, "utf8")) as object);
    validateManifest = (v) =>
      validate(v)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? "invalid"}`);
  }
  return validateManifest(value);
}

/** One connector folder; throws with the folder's path when a file is missing or the manifest is invalid. */
export function readConnectorFolder(dir: string, expectedKind?: ConnectorKind): ConnectorFolder {
  const read = (name: string) => {
    const file = join(dir, name);
    if (!existsSync(file)) throw new Error(`${file}: missing (a connector folder holds ${name})`);
    return readFileSync(file, "utf8");
  };
  const manifest = JSON.parse(read("manifest.json")) as ConnectorManifest;
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`${join(dir, "manifest.json")}: ${problems.join("; ")}`);
  if (expectedKind && manifest.kind !== expectedKind)
    throw new Error(`${join(dir, "manifest.json")}: kind ${manifest.kind} in the folder of ${expectedKind}s`);
  if (folderName(manifest) !== dir.split(/[\\/]/).pop())
    throw new Error(
      `${join(dir, "manifest.json")}: id ${manifest.id} needs the folder ${folderName(manifest)}`,
    );
  read("index.ts");
  return {
    manifest,
    dir,
    schema: JSON.parse(read("schema.json")) as Record<string, unknown>,
    readme: read("README.md"),
  };
}

/** Every built-in connector, by kind (KINDS order) then id. */
export function readConnectorFolders(runtimeDir: string = RUNTIME_DIR): ConnectorFolder[] {
  const out: ConnectorFolder[] = [];
  for (const kind of KINDS) {
    const base = join(runtimeDir, KIND_DIRS[kind]);
    const dirs = readdirSync(base, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(base, d.name, "manifest.json")))
      .map((d) => d.name)
      .sort();
    for (const name of dirs) out.push(readConnectorFolder(join(base, name), kind));
  }
  return out;
}

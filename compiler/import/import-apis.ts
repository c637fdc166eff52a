// `sluice import`: what teams already have — Gravitee Management API exports (v4 PROXY/MESSAGE,
// v2), gateway definitions, APIM's CRD export, GKO manifests, OpenAPI 3.x — as GKO-shaped YAML
// resources, one per API. Returns what to write and what happened; the CLI writes and prints.
// Importing Sluice's own output gives it back unchanged: a GKO resource that needs no change is
// kept as written, comments included.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parseAllDocuments } from "yaml";
import { CONSUMER_KINDS } from "../load/load-specs.ts";
import { fromOpenApi, isOpenApi } from "./from-openapi.ts";
import { fromV2 } from "./from-v2.ts";
import { fromV4 } from "./from-v4.ts";
import { type Note, Notes, type Secret } from "./notes.ts";
import { importPages } from "./pages.ts";
import { replaceSecrets } from "./secrets.ts";
import { isObject, type Json, type JsonObject, uniqueName } from "./values.ts";
import { writeYaml, YAML_OPTIONS } from "./write-yaml.ts";

export interface ImportedApi {
  /** File name to write, relative to the output directory. */
  file: string;
  text: string;
  source: string;
  format: string;
  notes: Note[];
  secrets: Secret[];
  /** The input was a resource that needed no change: its own text is `text`. */
  unchanged: boolean;
}

/** An input that could not be imported, with why. */
export interface ImportFailure {
  source: string;
  message: string;
}

export interface ImportResult {
  apis: ImportedApi[];
  failures: ImportFailure[];
  /** Inputs (or documents) that are not APIs and were skipped, with why. */
  skipped: ImportFailure[];
}

const INPUT_FILE = /\.(json|ya?ml)$/i;

/** The first line of a file import writes: how a later import knows the file is its own. */
export function importHeader(source: string): string {
  return `# Imported by \`sluice import\` from ${source}`;
}

/** The files of `target` (a file, or a directory searched recursively), in sorted order. */
export async function inputFiles(target: string): Promise<string[]> {
  if (!(await stat(target)).isDirectory()) return [target];
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (INPUT_FILE.test(entry.name)) found.push(path);
    }
  };
  await walk(target);
  return found;
}

export async function importApis(
  inputs: Array<{ path: string; text?: string }>,
  cwd = process.cwd(),
): Promise<ImportResult> {
  const result: ImportResult = { apis: [], failures: [], skipped: [] };
  /** Names taken, per kind: an API and an Application may share one; two APIs may not. */
  const taken = new Map<string, Set<string>>();
  for (const input of inputs) {
    const source = input.text === undefined ? relative(cwd, input.path) : input.path;
    const text = input.text ?? (await readFile(input.path, "utf8"));
    const docs = parseAllDocuments(text);
    const values: Array<{ value: unknown; original?: string }> = [];
    let broken = false;
    for (const doc of docs) {
      if (doc.errors.length > 0) {
        const error = doc.errors[0];
        const at = error?.linePos?.[0];
        result.failures.push({
          source: at ? `${source}:${at.line}:${at.col}` : source,
          message: `not valid JSON or YAML: ${error?.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "syntax error"}`,
        });
        broken = true;
        break;
      }
      values.push({ value: doc.toJS(), original: docs.length === 1 ? text : doc.toString(YAML_OPTIONS) });
    }
    if (broken) continue;
    for (const { value, original } of values) {
      if (value === null || value === undefined) continue;
      for (const item of expandList(value)) {
        try {
          const imported = await importOne(item, input.text === undefined ? input.path : undefined, original);
          if ("skip" in imported) {
            result.skipped.push({ source, message: imported.skip });
            continue;
          }
          const metadata = imported.resource.metadata as JsonObject;
          const kind = String(imported.resource.kind);
          const group = kind === "ApiDefinition" ? "ApiV4Definition" : kind;
          const names = taken.get(group) ?? new Set<string>();
          taken.set(group, names);
          const name = uniqueName(String(metadata.name), names);
          if (name !== metadata.name) {
            imported.notes.add(
              "changed",
              "/metadata/name",
              `\`${String(metadata.name)}\` is taken by another imported ${kind}`,
            );
            metadata.name = name;
            delete imported.keep;
          }
          // APIs are `NAME.yaml`; consumer resources, whose names may repeat an API's, `KIND-NAME.yaml`.
          const file =
            kind.startsWith("Api") && kind !== "ApiResource"
              ? `${name}.yaml`
              : `${kind.toLowerCase()}-${name}.yaml`;
          const header = [`${importHeader(source).slice(2)} (${imported.format}).`];
          result.apis.push({
            file,
            text: imported.keep ?? writeYaml(imported.resource, imported.notes, header),
            source,
            format: imported.format,
            notes: imported.notes.list,
            secrets: imported.notes.secrets,
            unchanged: imported.keep !== undefined,
          });
        } catch (error) {
          result.failures.push({ source, message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
  return result;
}

/** A Kubernetes `List` (`kubectl get … -o json`) is its items. */
function expandList(value: unknown): unknown[] {
  if (isObject(value) && value.kind === "List" && Array.isArray(value.items)) return value.items;
  return [value];
}

type Outcome = { resource: JsonObject; notes: Notes; format: string; keep?: string } | { skip: string };

async function importOne(
  value: unknown,
  path: string | undefined,
  original: string | undefined,
): Promise<Outcome> {
  const notes = new Notes();
  if (!isObject(value)) return { skip: "not a Gravitee API or an OpenAPI document (not an object)" };
  // GKO resources, including the console's "CRD API definition" export.
  if (typeof value.apiVersion === "string" && value.kind !== undefined && "spec" in value) {
    if (!value.apiVersion.startsWith("gravitee.io/"))
      return { skip: `a ${String(value.kind)} resource, not a Gravitee API` };
    if ((CONSUMER_KINDS as readonly unknown[]).includes(value.kind)) {
      // Applications, Subscriptions, ApiResources: read by Sluice as they are (docs/consumers.md).
      const resource = structuredClone(value);
      replaceSecrets(resource, notes);
      const unchanged = notes.secrets.length === 0;
      return {
        resource,
        notes,
        format: `GKO ${String(value.kind)}`,
        ...(unchanged && original ? { keep: original } : {}),
      };
    }
    if (value.kind !== "ApiV4Definition" && value.kind !== "ApiDefinition")
      return { skip: `a Gravitee ${String(value.kind)} resource, not an API` };
    const resource = structuredClone(value);
    const spec = resource.spec;
    if (value.kind === "ApiV4Definition" && isObject(spec) && Array.isArray(spec.plans)) {
      const converted = fromV4(spec, spec.plans, notes).spec as JsonObject;
      spec.plans = converted.plans ?? {};
      notes.add("changed", "/spec/plans", "plans list written as a map keyed by plan name (GKO)");
    }
    replaceSecrets(resource, notes);
    const unchanged =
      notes.list.length === 0 && notes.secrets.length === 0 && isDeepStrictEqual(resource, value);
    return {
      resource,
      notes,
      format: `GKO ${String(value.kind)}`,
      ...(unchanged && original ? { keep: original } : {}),
    };
  }
  if (isOpenApi(value)) {
    const resource = await fromOpenApi(path ?? value, notes);
    replaceSecrets(resource, notes);
    return { resource, notes, format: `OpenAPI ${String(value.openapi)}` };
  }
  if (typeof value.swagger === "string")
    throw new Error(
      "Swagger 2.0 is not imported: convert it to OpenAPI 3 first (e.g. `npx swagger2openapi FILE`)",
    );
  // Management API export: `{ api: { definitionVersion: "V4" | "V2", … }, plans, members, … }`.
  if (isObject(value.api) && typeof value.api.definitionVersion === "string") {
    const version = value.api.definitionVersion.toUpperCase();
    if (version.startsWith("V4") || version.startsWith("4")) {
      const resource = fromV4(
        withoutNulls(value.api) as JsonObject,
        withoutNulls(value.plans ?? null),
        notes,
      );
      const pages = importPages(withoutNulls(value.pages ?? null), notes);
      if (pages) (resource.spec as JsonObject).pages = pages;
      const wrapper = Object.keys(value).filter(
        (k) => k !== "api" && k !== "plans" && k !== "pages" && !isEmptyJson(value[k]),
      );
      if (wrapper.length > 0)
        notes.add("dropped", "/spec", `export parts dropped (management only): ${wrapper.sort().join(", ")}`);
      replaceSecrets(resource, notes);
      return { resource, notes, format: "Management API export, v4" };
    }
    const resource = fromV2(
      withoutNulls({ ...value.api, plans: value.plans ?? value.api.plans ?? [] }) as JsonObject,
      notes,
    );
    replaceSecrets(resource, notes);
    return { resource, notes, format: "Management API export, v2" };
  }
  const version = typeof value.definitionVersion === "string" ? value.definitionVersion : value.gravitee;
  const looksV4 = Array.isArray(value.listeners) && Array.isArray(value.endpointGroups);
  if ((typeof version === "string" && /^v?4/i.test(version)) || (version === undefined && looksV4)) {
    const resource = fromV4(withoutNulls(value) as JsonObject, undefined, notes);
    replaceSecrets(resource, notes);
    return {
      resource,
      notes,
      format: `Gravitee v4 definition${typeof version === "string" ? ` (${version})` : ""}`,
    };
  }
  if ((typeof version === "string" && /^v?[12]/i.test(version)) || isObject(value.proxy)) {
    const resource = fromV2(withoutNulls(value) as JsonObject, notes);
    replaceSecrets(resource, notes);
    return {
      resource,
      notes,
      format: typeof version === "string" ? `Gravitee v2 definition (${version})` : "Gravitee 1.x definition",
    };
  }
  return { skip: "not a Gravitee API or an OpenAPI 3 document" };
}

function isEmptyJson(value: Json | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isObject(value) && Object.keys(value).length === 0)
  );
}

/** Gravitee's exports write `null` for "not set"; the GKO schema wants the key left out. */
function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

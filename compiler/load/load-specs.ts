// Stage 1, load: read every YAML file of an API repository (or one file, or standard input), parse
// every document with source positions kept, and recognise environment references. Nothing here
// knows the spec format beyond `apiVersion`/`kind`/`metadata.name`.
import { readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { CORE_SCHEMA, loadAll } from "js-yaml";
import type { Diagnostic, SourceRef } from "../diagnostics/diagnostic.ts";
import { pointerOf } from "../diagnostics/diagnostic.ts";
import { compare } from "../shared/compare.ts";
import { type EnvTemplate, isScanError, scanEnvTemplate, validationValue } from "./env-refs.ts";
import { graviteeJsonDiagnostic } from "./gravitee-json.ts";
import { SourceFile, SourceSet } from "./source-set.ts";

export const GRAVITEE_API_VERSION = "gravitee.io/v1alpha1";
/** The API kinds: each document of one of them is an API of the gateway. */
export const API_KINDS = ["ApiV4Definition", "ApiDefinition"] as const;
export type ApiKind = (typeof API_KINDS)[number];
/**
 * The consumer kinds: GKO's applications, their subscriptions, resources APIs reference,
 * notifications and shared policy groups; and Sluice's dictionaries (expressions' `#dictionaries`).
 */
export const CONSUMER_KINDS = [
  "Application",
  "Subscription",
  "ApiResource",
  "Dictionary",
  "Notification",
  "SharedPolicyGroup",
] as const;
export type ConsumerKind = (typeof CONSUMER_KINDS)[number];
/** The kinds the compiler reads. Other gravitee.io kinds are reported and ignored. */
export const SUPPORTED_KINDS = [...API_KINDS, ...CONSUMER_KINDS] as const;
export type SupportedKind = (typeof SUPPORTED_KINDS)[number];

/** Whether a document is an API (not a consumer resource). */
export function isApiDocument(doc: { kind: SupportedKind }): boolean {
  return doc.kind === "ApiV4Definition" || doc.kind === "ApiDefinition";
}

export interface EnvSite {
  pointer: string;
  template: EnvTemplate;
}

export interface LoadedDocument {
  /** Where diagnostics point: the file relative to the working directory (docs/contract.md §3). */
  at: SourceRef;
  /**
   * The file as the compiled gateway names it (`source` in /info, start-up messages): relative to
   * the parent of DIR (or to FILE's folder), so the bundle does not depend on the working directory.
   */
  source: string;
  kind: SupportedKind;
  name: string | undefined;
  /** The document as plain data, `${...}` references left as written. */
  value: Record<string, unknown>;
  /** The same data as validation sees it: references replaced by their (typed) defaults. */
  validationValue: Record<string, unknown>;
  envSites: EnvSite[];
  /** Pointers of whole references without default: their type is only known at start-up. */
  untyped: Set<string>;
}

export interface LoadResult {
  sources: SourceSet;
  documents: LoadedDocument[];
  diagnostics: Diagnostic[];
}

export interface LoadInput {
  /** A directory, a single file, or `-` for standard input. */
  target: string;
  /** Used for `-`; defaults to reading process.stdin. */
  stdin?: () => Promise<string>;
  cwd?: string;
  /** Input without any API is fine (`--allow-empty`); otherwise it is an error (load/no-apis). */
  allowEmpty?: boolean;
}

/**
 * What loading each file gave, by path: a file whose text is unchanged gives the same documents
 * (the same objects, so what was derived from them can be reused too). Watch mode keeps one.
 */
export type LoadCache = Map<string, { text: string; source: SourceFile; loaded: LoadResult }>;

const YAML_FILE = /\.ya?ml$/i;
const JSON_FILE = /\.json$/i;

export async function loadSpecs(input: LoadInput, cache?: LoadCache): Promise<LoadResult> {
  const cwd = input.cwd ?? process.cwd();
  const sources = new SourceSet();
  const result: LoadResult = { sources, documents: [], diagnostics: [] };
  if (input.target === "-") {
    const text = await (input.stdin ?? readStdin)();
    loadText("<stdin>", text, result);
    return requireApis(result, "<stdin>", input);
  }
  const absolute = resolve(cwd, input.target);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new LoadError(`no such file or directory: ${input.target}`);
  const listed = info.isDirectory() ? await listSpecFiles(absolute) : { yaml: [absolute], json: [] };
  const files = listed.yaml;
  // The parent of DIR, or FILE's folder: what the gateway's names of the files are relative to.
  const base = dirname(absolute);
  // Read one after the other, synchronously: for many small files this is several times faster
  // than as many concurrent promises (each an open, stat, read and close on the thread pool).
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const under = withSeparator(resolve(cwd));
  const seen = new Set<string>();
  files.forEach((file, i) => {
    const path = displayPath(cwd, under, file);
    const source = relative(base, file).split(sep).join("/");
    const text = texts[i]!;
    if (!cache) {
      loadText(path, text, result, source);
      return;
    }
    seen.add(path);
    let hit = cache.get(path);
    if (hit?.text !== text) {
      const loaded: LoadResult = { sources: new SourceSet(), documents: [], diagnostics: [] };
      loadText(path, text, loaded, source);
      hit = { text, source: loaded.sources.get(path)!, loaded };
      cache.set(path, hit);
    }
    result.sources.add(hit.source);
    result.documents.push(...hit.loaded.documents);
    result.diagnostics.push(...hit.loaded.diagnostics);
  });
  for (const path of cache?.keys() ?? []) if (!seen.has(path)) cache?.delete(path);
  for (const file of listed.json) {
    const path = displayPath(cwd, under, file);
    const text = readFileSync(file, "utf8");
    const found = graviteeJsonDiagnostic(path, text);
    if (!found) continue;
    result.sources.add(new SourceFile(path, text));
    result.diagnostics.push(found);
  }
  return requireApis(result, input.target, input);
}

/**
 * Input without a single API is an error (load/no-apis) unless allowed: a wrong directory or specs
 * in a format not read would otherwise compile a gateway that serves nothing. Not added when the
 * input already has errors (a YAML syntax error, a JSON export), which say why.
 */
function requireApis(result: LoadResult, target: string, input: LoadInput): LoadResult {
  if (input.allowEmpty || result.documents.some(isApiDocument)) return result;
  if (result.diagnostics.some((d) => d.severity === "error")) return result;
  result.diagnostics.push({
    code: "load/no-apis",
    severity: "error",
    message: `no API in ${target}: no ApiV4Definition or ApiDefinition resource in any *.yaml or *.yml file`,
    hint: "check the path; pass --allow-empty to build a gateway without APIs on purpose",
    at: { file: target, doc: 0, pointer: "" },
  });
  return result;
}

/** A problem with the command's input itself (not with a spec): reported as a usage error. */
export class LoadError extends Error {}

/** Loads the documents of one file; `name` is its name in the gateway (default: `path`). */
export function loadText(path: string, text: string, result: LoadResult, name = path): void {
  const source = new SourceFile(path, text);
  result.sources.add(source);
  let values: unknown[];
  try {
    values = loadAll(text, { schema: CORE_SCHEMA, filename: path });
  } catch {
    reportSyntaxErrors(source, result);
    return;
  }
  values.forEach((value, index) => {
    const at: SourceRef = { file: path, doc: index, pointer: "" };
    if (value === null || value === undefined) return; // an empty document, e.g. a trailing `---`
    if (typeof value !== "object" || Array.isArray(value)) {
      result.diagnostics.push({
        code: "load/not-a-resource",
        severity: "error",
        message: "a document must be a mapping with apiVersion, kind, metadata and spec",
        at,
      });
      return;
    }
    const loaded = classify(value as Record<string, unknown>, at, name, result.diagnostics);
    if (loaded) result.documents.push(loaded);
  });
}

/** The fast parser refused the file: parse it with positions and report every syntax error. */
function reportSyntaxErrors(source: SourceFile, result: LoadResult): void {
  const errors = source.documents.flatMap((doc, index) => doc.errors.map((error) => ({ error, index })));
  if (errors.length === 0) {
    errors.push({ error: { message: "the file is not valid YAML", pos: [0, 0] } as never, index: 0 });
  }
  for (const { error, index } of errors) {
    result.diagnostics.push({
      code: "load/yaml-syntax",
      severity: "error",
      message: `YAML syntax error: ${firstLine(error.message)}`,
      at: { file: source.path, doc: index, pointer: "", pos: error.pos[0] },
    });
  }
}

function classify(
  value: Record<string, unknown>,
  at: SourceRef,
  source: string,
  diagnostics: Diagnostic[],
): LoadedDocument | undefined {
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    diagnostics.push({
      code: "load/not-a-resource",
      severity: "error",
      message: "a document needs `apiVersion` and `kind` (a Kubernetes-style resource)",
      hint: `use \`apiVersion: ${GRAVITEE_API_VERSION}\` with \`kind: ApiV4Definition\` (v4) or \`kind: ApiDefinition\` (v2)`,
      at: { ...at, pointer: typeof apiVersion !== "string" ? "" : "/kind" },
    });
    return undefined;
  }
  // A rendered overlay carries Deployments, ConfigMaps and so on: not ours, silently skipped.
  if (!apiVersion.startsWith("gravitee.io/")) return undefined;
  if (!(SUPPORTED_KINDS as readonly string[]).includes(kind)) {
    diagnostics.push({
      code: "load/unsupported-kind",
      severity: "warning",
      message: `kind \`${kind}\` is not compiled into the gateway and is ignored`,
      hint: `Sluice compiles ${SUPPORTED_KINDS.join(", ")} resources`,
      at: { ...at, pointer: "/kind" },
    });
    return undefined;
  }
  const metadata = value.metadata as Record<string, unknown> | undefined;
  const name = typeof metadata?.name === "string" ? metadata.name : undefined;
  const envSites: EnvSite[] = [];
  const untyped = new Set<string>();
  const validation = substitute(value, { path: [], sites: envSites, untyped, at, diagnostics }) as Record<
    string,
    unknown
  >;
  return {
    at,
    source,
    kind: kind as SupportedKind,
    name,
    value,
    validationValue: validation,
    envSites,
    untyped,
  };
}

/** What `substitute` carries down the document: the path to the current node and what it found. */
interface SubstituteContext {
  /** Segments from the document root to the current node; its pointer is only built when needed. */
  path: Array<string | number>;
  sites: EnvSite[];
  untyped: Set<string>;
  at: SourceRef;
  diagnostics: Diagnostic[];
}

/**
 * `node` with strings holding environment references replaced by their validation value. Parts
 * without references are shared with `node` (nothing mutates either); the containers on the way to
 * a replaced string are copied. A `__proto__` key stays an own property, as the parser made it, so
 * validation sees it (an unknown property) and nobody reads through it as a prototype.
 */
function substitute(node: unknown, ctx: SubstituteContext): unknown {
  if (typeof node === "string") {
    const scanned = scanEnvTemplate(node);
    if (scanned === null) return node;
    const pointer = pointerOf(ctx.path);
    if (isScanError(scanned)) {
      ctx.diagnostics.push({
        code: "load/env-reference",
        severity: "error",
        message: scanned.message,
        hint: "write `${NAME}` or `${NAME:-default}`; `$${` stands for a literal `${`",
        at: { ...ctx.at, pointer, offset: scanned.offset },
      });
      ctx.untyped.add(pointer); // one problem, reported once: no type error on top
      return node;
    }
    ctx.sites.push({ pointer, template: scanned });
    const v = validationValue(scanned);
    if (v === undefined) {
      ctx.untyped.add(pointer);
      return node;
    }
    return v;
  }
  if (node === null || typeof node !== "object") return node;
  const { path } = ctx;
  if (Array.isArray(node)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      path.push(i);
      const v = substitute(item, ctx);
      path.pop();
      if (out === undefined && v !== item) out = node.slice(0, i);
      if (out !== undefined) out.push(v);
    }
    return out ?? node;
  }
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const item = record[k];
    path.push(k);
    const v = substitute(item, ctx);
    path.pop();
    if (out === undefined && v !== item) {
      out = {};
      for (let j = 0; j < i; j++) setOwn(out, keys[j]!, record[keys[j]!]);
    }
    if (out !== undefined) setOwn(out, k, v);
  }
  return out ?? node;
}

/** `record[key] = value`, except that a `__proto__` key is an own property, not the prototype. */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}

/** The YAML files below `dir`, and the JSON files (./gravitee-json.ts says which matter). */
async function listSpecFiles(dir: string): Promise<{ yaml: string[]; json: string[] }> {
  const yaml: string[] = [];
  const json: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && YAML_FILE.test(e.name)) yaml.push(full);
      else if (e.isFile() && JSON_FILE.test(e.name)) json.push(full);
    }
  };
  await walk(dir);
  // Sorted path order (docs/contract.md §1), by code unit so it does not depend on the locale.
  return { yaml: yaml.sort(compare), json: json.sort(compare) };
}

/**
 * `file` (absolute and normalised) relative to the working directory (docs/contract.md §3), `../` included:
 * what a user can click on. `under` is the resolved working directory ending with a separator: a
 * file inside it is what follows, without asking path.relative.
 */
function displayPath(cwd: string, under: string, file: string): string {
  if (file.length > under.length && file.startsWith(under)) return file.slice(under.length);
  return relative(cwd, file) || file;
}

function withSeparator(dir: string): string {
  return dir.endsWith(sep) ? dir : `${dir}${sep}`;
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

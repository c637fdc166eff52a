// `*.json` files in the specs directory. Sluice reads YAML resources (docs/contract.md §1); the other
// formats Gravitee users have — a Management API export, a gateway definition, a v2 definition,
// GKO resources fetched as JSON (`kubectl get … -o json`) — are not read, and skipping them
// silently would ship a gateway without the APIs their authors think are in it. So each such file
// is an error (load/gravitee-json) that names what it is and how to convert it (`sluice import`); JSON that is not
// a Gravitee API (a schema, a fixture) is none of our business and left alone.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** What a JSON document is, when it is a Gravitee API in a format Sluice does not read. */
interface Recognised {
  what: string;
  /** Pointer of the field that tells, where the diagnostic points. */
  pointer: string;
  hint: string;
}

/** The hint for formats `sluice import` converts. */
function convert(path: string): string {
  return `convert it with \`sluice import ${path}\`, which writes each API as an ApiV4Definition (or ApiDefinition) YAML resource under apis/ (see Sluice's docs/import.md), then move the JSON file out of the specs directory`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function recogniseGraviteeJson(value: unknown, path = "FILE"): Recognised | undefined {
  const hint = convert(path);
  if (!isObject(value)) return undefined;
  // GKO resources, one (`kubectl get apiv4definition x -o json`) or a list (`… -o json` of many).
  if (typeof value.apiVersion === "string" && value.apiVersion.startsWith("gravitee.io/"))
    return {
      what: `a Gravitee Kubernetes Operator resource (kind ${String(value.kind)}) in JSON`,
      pointer: "/kind",
      hint: "JSON is YAML: rename the file to .yaml and Sluice reads it as it is",
    };
  if (value.kind === "List" && Array.isArray(value.items)) {
    const i = value.items.findIndex(
      (item) =>
        isObject(item) && typeof item.apiVersion === "string" && item.apiVersion.startsWith("gravitee.io/"),
    );
    if (i >= 0)
      return {
        what: "a list of Gravitee Kubernetes Operator resources in JSON",
        pointer: `/items/${i}/kind`,
        hint: "write each of `items` as a YAML document of its own (`---` between them), e.g. `yq -P '.items[] | split_doc' FILE > FILE.yaml`",
      };
  }
  // Management API export: `{ api: { definitionVersion: "V4" | "V2", … }, plans, pages, members, … }`.
  if (isObject(value.api) && typeof value.api.definitionVersion === "string")
    return {
      what: `a Gravitee Management API export (${value.api.definitionVersion})`,
      pointer: "/api/definitionVersion",
      hint,
    };
  // Gateway definitions: v4 (`definitionVersion: "4.0.0"` or `gravitee: "4.0.0"`, lowercase enums),
  // v2 (`gravitee: "2.0.0"`, `proxy`), v1 (`proxy` with `paths`).
  const version = typeof value.definitionVersion === "string" ? value.definitionVersion : value.gravitee;
  const field = typeof value.definitionVersion === "string" ? "/definitionVersion" : "/gravitee";
  if (typeof version === "string" && version.startsWith("4"))
    return {
      what: `a Gravitee v4 API definition (gateway format, ${version})`,
      pointer: field,
      hint,
    };
  if (typeof version === "string" && /^[12]/.test(version))
    return { what: `a Gravitee v${version[0]} API definition`, pointer: field, hint };
  if (isObject(value.proxy) && (value.paths !== undefined || value.flows !== undefined))
    return { what: "a Gravitee v1/v2 API definition", pointer: "/proxy", hint };
  if (Array.isArray(value.listeners) && Array.isArray(value.endpointGroups))
    return { what: "a Gravitee v4 API definition (gateway format)", pointer: "/listeners", hint };
  return undefined;
}

/** The diagnostic for a JSON file, or undefined when it is not a Gravitee API. */
export function graviteeJsonDiagnostic(path: string, text: string): Diagnostic | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const found = recogniseGraviteeJson(value, path);
  if (!found) return undefined;
  return {
    code: "load/gravitee-json",
    severity: "error",
    message: `this file is ${found.what}; Sluice reads API specs from YAML files only, so what it describes would be left out of the gateway`,
    hint: found.hint,
    at: { file: path, doc: 0, pointer: found.pointer },
  };
}

// No silent acceptance (compiler/check/unimplemented-fields.ts): every field of the API schemas is
// implemented (runtime/implemented-fields.ts), reported as `compile/not-implemented`, reported by
// another diagnostic, or management-only — decided once, in exactly one list; no list names a field
// the schemas lack; and a spec using unimplemented fields gets a warning on each key's line.
import { describe, expect, it } from "vitest";
import {
  lookup,
  MANAGEMENT_FIELDS,
  NOT_IMPLEMENTED_FIELDS,
  REPORTED_ELSEWHERE,
  unimplementedFields,
} from "../../compiler/check/unimplemented-fields.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { loadSchemas } from "../../compiler/validate/schemas.ts";
import { IMPLEMENTED_FIELDS } from "../../runtime/implemented-fields.ts";
import { loadFiles } from "../helpers/check.ts";

const LISTS = {
  implemented: IMPLEMENTED_FIELDS,
  "not implemented": NOT_IMPLEMENTED_FIELDS,
  "reported elsewhere": REPORTED_ELSEWHERE,
  management: MANAGEMENT_FIELDS,
};

/** `title → properties` of every titled object node of the two API schemas. */
function schemaFields(): Map<string, Set<string>> {
  const schemas = loadSchemas();
  const fields = new Map<string, Set<string>>();
  const untitled: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        walk(n, `${path}/${i}`);
      });
      return;
    }
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n.properties && typeof n.properties === "object") {
      if (typeof n.title !== "string") untitled.push(path);
      else {
        const set = fields.get(n.title) ?? new Set<string>();
        for (const p of Object.keys(n.properties)) set.add(p);
        fields.set(n.title, set);
      }
    }
    for (const [k, v] of Object.entries(n)) {
      if (k === "properties" && v && typeof v === "object")
        for (const [pk, pv] of Object.entries(v)) walk(pv, `${path}/properties/${pk}`);
      else if (k !== "properties") walk(v, `${path}/${k}`);
    }
  };
  walk(schemas.ApiV4Definition, "api-v4-definition");
  walk(schemas.ApiDefinition, "api-definition");
  expect(untitled, "object schemas need a title to be listed").toEqual([]);
  return fields;
}

describe("field coverage", () => {
  const fields = schemaFields();

  it("decides every schema field in exactly one list", () => {
    const undecided: string[] = [];
    const twice: string[] = [];
    for (const [title, props] of fields) {
      for (const p of props) {
        const found = Object.entries(LISTS).filter(([, list]) => lookup(list, title, p) !== undefined);
        if (found.length === 0) undecided.push(`${title}.${p}`);
        if (found.length > 1) twice.push(`${title}.${p}: ${found.map(([n]) => n).join(", ")}`);
      }
    }
    expect(undecided).toEqual([]);
    expect(twice).toEqual([]);
  });

  it("names no field the schemas lack", () => {
    const stale = Object.values(LISTS)
      .flatMap((list) => Object.keys(list))
      .filter((key) => {
        const [title = "", prop = ""] = key.split(/\.(.*)/s);
        const props = fields.get(title);
        return !props || (prop !== "*" && !props.has(prop));
      });
    expect(stale).toEqual([]);
  });

  it("warns on each unimplemented key's line, and not on implemented ones", () => {
    const text = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: watched
spec:
  name: watched
  version: "1"
  type: MESSAGE
  description: shown in the portal only
  analytics:
    enabled: true
    tracing: { enabled: true, verbose: true }
  listeners:
    - type: HTTP
      pathMappings: ["/a/:id"]
      paths:
        - path: /watched
      entrypoints:
        - type: sse
          dlq:
            endpoint: dead
      cors:
        enabled: true
  endpointGroups:
    - name: g
      type: mock
      endpoints:
        - name: mock
          type: mock
          tenants: [eu]
  flows:
    - name: f
      connect: []
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;
    const loaded = loadFiles({ "api.yaml": text });
    const found = loaded.documents
      .flatMap((d) => unimplementedFields(d))
      .map((d) => locateDiagnostic(loaded.sources, d))
      .map((d) => `${d.code}@${d.line}:${d.column} ${d.message.split(":")[0]}`);
    expect(found).toEqual([
      "compile/not-implemented@15:7 `pathMappings` is valid but not implemented by the Sluice runtime yet",
      "compile/not-implemented@20:11 `dlq` is valid but not implemented by the Sluice runtime yet",
      "compile/not-implemented@30:11 `tenants` is valid but not implemented by the Sluice runtime yet",
      "compile/not-implemented@33:7 `connect` is valid but not implemented by the Sluice runtime yet",
    ]);
  });
});

// The schemas compile with the validate stage's ajv set-up, are self-contained (local $refs only,
// for editors), strict (closed objects), and the committed TypeScript types are not stale.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateTypes, TYPES_DIR } from "../../compiler/validate/generate-types.ts";
import { loadSchemas, SCHEMA_FILES } from "../../compiler/validate/schemas.ts";
import { compileSchemas } from "./ajv.ts";

type Node = Record<string, unknown>;

/** Every sub-schema with its JSON pointer. */
function* walk(node: unknown, pointer = ""): Generator<[string, Node]> {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* walk(item, `${pointer}/${i}`);
    return;
  }
  yield [pointer, node as Node];
  for (const [k, v] of Object.entries(node)) {
    // `properties`, `definitions` hold schemas keyed by name; `default`/`const`/`enum` hold data.
    if (k === "default" || k === "const" || k === "enum") continue;
    yield* walk(v, `${pointer}/${k}`);
  }
}

describe("schemas", () => {
  it("compile with ajv (allErrors, discriminator) and ajv-formats", () => {
    const validators = compileSchemas();
    expect(typeof validators.ApiV4Definition).toBe("function");
    expect(typeof validators.ApiDefinition).toBe("function");
  });

  for (const [kind, schema] of Object.entries(loadSchemas())) {
    describe(kind, () => {
      it("is a self-contained draft-07 schema with an $id", () => {
        expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
        expect(schema.$id).toMatch(/^urn:sluice:schema:/);
        const definitions = schema.definitions as Node;
        for (const [pointer, node] of walk(schema)) {
          if (typeof node.$ref !== "string") continue;
          const m = /^#\/definitions\/(.+)$/.exec(node.$ref);
          expect(m, `${pointer}: ${node.$ref} is not a local definition`).not.toBeNull();
          expect(definitions[m![1]!], `${pointer}: ${node.$ref} does not exist`).toBeDefined();
        }
      });

      it("closes every object with fixed properties (unknown keys are errors)", () => {
        for (const [pointer, node] of walk(schema)) {
          if (node.properties && typeof node.properties === "object" && !pointer.endsWith("/properties")) {
            expect(node.additionalProperties, `${pointer} must set additionalProperties: false`).toBe(false);
          }
        }
      });

      it("titles every definition (the generated type's name)", () => {
        for (const [name, def] of Object.entries(schema.definitions as Record<string, Node>)) {
          expect(def.title, `definitions/${name}`).toBe(name);
        }
      });

      it("gives every discriminated branch a const tag (or an enum: the id, then its aliases)", () => {
        const definitions = schema.definitions as Record<string, Node>;
        for (const [pointer, node] of walk(schema)) {
          const discriminator = node.discriminator as { propertyName: string } | undefined;
          if (!discriminator) continue;
          const tags = (node.oneOf as Array<{ $ref: string }>).flatMap((b) => {
            const branch = definitions[b.$ref.replace("#/definitions/", "")]!;
            const tag = (branch.properties as Record<string, Node>)[discriminator.propertyName];
            return Array.isArray(tag?.enum) ? (tag.enum as unknown[]) : [tag?.const];
          });
          expect(
            tags.every((t) => typeof t === "string"),
            pointer,
          ).toBe(true);
          expect(new Set(tags).size, `${pointer}: duplicate tags`).toBe(tags.length);
        }
      });
    });
  }
});

describe("generated types", () => {
  it("are not stale (run `npm run gen:types`)", async () => {
    const generated = await generateTypes();
    expect([...generated.keys()].sort()).toEqual(
      [
        ...Object.values(SCHEMA_FILES).map((f) => f.replace(/\.schema\.json$/, ".ts")),
        "shared-definitions.ts",
      ].sort(),
    );
    for (const [name, source] of generated) {
      const committed = await readFile(join(TYPES_DIR, name), "utf8");
      expect(committed === source, `runtime/spec-types/${name} is stale: run npm run gen:types`).toBe(true);
    }
  }, 60_000);

  it("are deterministic", async () => {
    const [a, b] = [await generateTypes(), await generateTypes()];
    expect([...a.entries()]).toEqual([...b.entries()]);
  }, 60_000);

  it("export the named types emitters import", async () => {
    const v4 = await readFile(join(TYPES_DIR, "api-v4-definition.ts"), "utf8");
    for (const name of [
      "ApiV4Definition",
      "ApiV4Spec",
      "KafkaEndpointConfiguration",
      "KafkaSharedConfiguration",
      "HttpProxySharedConfiguration",
      "Mqtt5SharedConfiguration",
      "HttpGetEntrypointConfiguration",
      "WebhookEntrypointConfiguration",
      "RateLimitPolicyConfiguration",
      "JwtSecurityConfiguration",
      "FlowStep",
      "Plan",
    ]) {
      expect(exportsName(v4, name), name).toBe(true);
    }
    const v2 = await readFile(join(TYPES_DIR, "api-definition.ts"), "utf8");
    for (const name of ["ApiDefinitionV2", "ApiDefinitionV2Spec", "V2Plan", "V2Flow", "V2FlowStep"]) {
      expect(exportsName(v2, name), name).toBe(true);
    }
  });

  it("declare each shared definition once, in shared-definitions.ts, and re-export it by name", async () => {
    const generated = await generateTypes();
    const declares = (source: string, name: string) =>
      new RegExp(`^export (interface|type) ${name}\\b`, "m").test(source);
    for (const name of ["HttpHeader", "SslOptions", "Page", "PageSource", "BrokerAuth"]) {
      expect(declares(generated.get("shared-definitions.ts") ?? "", name), name).toBe(true);
      const declaredIn = [...generated].filter(([, source]) => declares(source, name)).map(([file]) => file);
      expect(declaredIn, name).toEqual(["shared-definitions.ts"]);
    }
    const v4 = generated.get("api-v4-definition.ts") ?? "";
    expect(v4).toMatch(/^import type \{ [^}]*\bSslOptions\b[^}]*\} from "\.\/shared-definitions\.ts";$/m);
    expect(v4).toMatch(/^export type \{ [^}]*\bPageSource\b[^}]*\};$/m);
  }, 60_000);
});

/** Whether a generated module exports the type: declared there, or re-exported from the shared module. */
function exportsName(source: string, name: string): boolean {
  if (new RegExp(`^export (interface|type) ${name}\\b`, "m").test(source)) return true;
  return [...source.matchAll(/^export type \{ ([^}]+) \};$/gm)].some((m) =>
    m[1]!.split(",").some((n) => n.trim() === name),
  );
}

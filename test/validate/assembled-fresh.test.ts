// The assembled schemas and runtime/connector-manifests.ts are generated from the connectors'
// folders and compiler/validate/schemas/src by `npm run gen:schemas`; committed, like generated/.
// This fails when one of them is stale (a manifest or a schema.json changed without the command).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  assembleSchemas,
  MANIFESTS_MODULE,
  manifestsModule,
  schemaText,
} from "../../compiler/validate/assemble-schemas.ts";
import { SCHEMAS_DIR } from "../../compiler/validate/schemas.ts";

describe("assembled schemas", () => {
  for (const [file, schema] of assembleSchemas()) {
    it(`${file} is what npm run gen:schemas writes`, () => {
      expect(readFileSync(join(SCHEMAS_DIR, file), "utf8")).toBe(schemaText(schema));
    });
  }

  it("runtime/connector-manifests.ts is what npm run gen:schemas writes", () => {
    expect(readFileSync(MANIFESTS_MODULE, "utf8")).toBe(manifestsModule());
  });
});

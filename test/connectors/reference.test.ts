// docs/connectors-reference.md is generated from the folders (`npm run gen:docs`): stale fails here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readConnectorFolders } from "../../compiler/connectors/folders.ts";
import { REFERENCE_FILE, renderConnectorReference } from "../../compiler/connectors/reference.ts";

describe("docs/connectors-reference.md", () => {
  const folders = readConnectorFolders();
  const text = renderConnectorReference(folders);

  it("is what npm run gen:docs writes", () => {
    expect(readFileSync(REFERENCE_FILE, "utf8")).toBe(text);
  });

  it("has every connector's section, its README's links rewritten to work from docs/", () => {
    for (const { manifest } of folders) expect(text).toContain(`### ${manifest.id} (${manifest.kind})`);
    expect(text).toContain("[policies.md](policies.md#rate-limit-quota-spike-arrest)");
    expect(text).toContain("[json-xml](#json-xml-policy)");
    expect(text).not.toContain("../../../docs/");
  });
});

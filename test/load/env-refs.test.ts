// `${NAME}` / `${NAME:-default}` references: scanning, malformed ones reported at their column,
// typed defaults checked against the field at compile time.
import { describe, expect, it } from "vitest";
import { scanEnvTemplate, typedDefault } from "../../compiler/load/env-refs.ts";
import { diagnose, summary } from "../helpers/check.ts";
import { proxyApi } from "../helpers/specs.ts";

describe("environment references", () => {
  it.each([
    ["plain text", null],
    ["${HOST}", { parts: [{ env: "HOST" }], whole: true }],
    ["${PORT:-8080}", { parts: [{ env: "PORT", default: "8080" }], whole: true }],
    [
      "http://${HOST:-localhost}:${PORT}/x",
      {
        parts: [
          { text: "http://" },
          { env: "HOST", default: "localhost" },
          { text: ":" },
          { env: "PORT" },
          { text: "/x" },
        ],
        whole: false,
      },
    ],
    ["cost: $${NOT_A_REF}", null],
    ["${A:-}", { parts: [{ env: "A", default: "" }], whole: true }],
  ])("scans %j", (input, expected) => {
    expect(scanEnvTemplate(input)).toEqual(expected);
  });

  it.each([
    ["${", 0, "unterminated"],
    ["x ${1ABC}", 2, "malformed"],
    ["${A-B}", 0, "malformed"],
  ])("rejects %j at offset %i", (input, offset, word) => {
    const r = scanEnvTemplate(input) as { message: string; offset: number };
    expect(r.offset).toBe(offset);
    expect(r.message).toContain(word);
  });

  it("types defaults as YAML scalars", () => {
    expect([
      typedDefault("100"),
      typedDefault("true"),
      typedDefault("1.5"),
      typedDefault("abc"),
      typedDefault(""),
    ]).toEqual([100, true, 1.5, "abc", ""]);
  });

  it("checks a default against the field's type, and accepts a reference without default anywhere", () => {
    const base = proxyApi("a", "/a", "http://x").replace(
      "          configuration:\n",
      "          sharedConfigurationOverride:\n            http:\n              readTimeout: READ\n          configuration:\n",
    );
    expect(summary(diagnose(base.replace("READ", "${T:-1000}")))).toEqual([]);
    expect(summary(diagnose(base.replace("READ", "${T}")))).toEqual([]);
    expect(summary(diagnose(base.replace("READ", "${T:-soon}")))).toEqual(["schema/type@23:28"]);
    expect(summary(diagnose(base.replace("READ", '"${T:-soon"')))).toEqual(["load/env-reference@23:29"]);
  });
});

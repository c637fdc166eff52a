// Start-up resolution of environment references: types converted and checked, every problem
// collected into one error that names the variable and the field.
import { describe, expect, it } from "vitest";
import { EnvError, env, envTemplate, resolveEnv } from "../../runtime/env.ts";

describe("resolveEnv", () => {
  it("resolves whole references with their field's type, and templates as strings", () => {
    const config = {
      url: envTemplate(
        ["http://", { env: "HOST", default: "localhost" }, ":", { env: "PORT" }],
        "a.yaml#/url",
      ),
      limit: env("LIMIT", "integer", "a.yaml#/limit", "100"),
      ratio: env("RATIO", "number", "a.yaml#/ratio"),
      on: env("ON", "boolean", "a.yaml#/on", "false"),
      nested: [{ name: env("NAME", "string", "a.yaml#/name") }],
    };
    expect(resolveEnv(config, { PORT: "8080", RATIO: "0.5", NAME: " padded ", ON: "true" })).toEqual({
      url: "http://localhost:8080",
      limit: 100,
      ratio: 0.5,
      on: true,
      nested: [{ name: " padded " }],
    });
  });

  it("reports every missing or mistyped variable at once", () => {
    const config = {
      a: env("A", "string", "x.yaml#/a"),
      b: env("B", "integer", "x.yaml#/b"),
      c: env("C", "boolean", "x.yaml#/c"),
    };
    let error: unknown;
    try {
      resolveEnv(config, { B: "12.5", C: "yes" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message.split("\n")).toEqual([
      "environment variable A is not set and has no default (needed by x.yaml#/a)",
      'environment variable B="12.5" is not a valid integer (needed by x.yaml#/b)',
      'environment variable C="yes" is not a valid boolean (needed by x.yaml#/c)',
    ]);
  });
});

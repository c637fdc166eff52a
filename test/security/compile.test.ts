// Plans of every security type compile now that their connectors exist; an option the runtime does
// not honour is a `compile/not-implemented` warning on its own line, never silently ignored.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileRepository } from "../../compiler/compile.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { writeRepository } from "../helpers/gateway.ts";
import { securedApi } from "../helpers/specs.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function diagnosticsOf(plans: string): Promise<string[]> {
  const dir = await writeRepository({
    "api.yaml": securedApi("orders", "/orders", "http://127.0.0.1:1", plans),
  });
  dirs.push(dir);
  const result = await compileRepository({
    target: join(dir, "apis"),
    outDir: join(dir, "generated"),
    emitOnly: true,
    cwd: dir,
  });
  return result.diagnostics
    .map((d) => locateDiagnostic(result.sources, d))
    .map((d) => `${d.severity} ${d.code}@${d.line}:${d.column} ${d.message}`);
}

describe("plan security at compile time", () => {
  it("compiles JWT, OAUTH2 and MTLS plans without diagnostics", async () => {
    const plans = `    jwt:
      name: JWT
      security:
        type: JWT
        configuration:
          signature: RSA_RS256
          publicKeyResolver: JWKS_URL
          resolverParameter: https://idp.example/jwks
          useSystemProxy: false
    oauth:
      name: OAuth2
      security:
        type: OAUTH2
        configuration:
          oauthResource: idp
    mtls:
      name: mTLS
      security:
        type: MTLS
`;
    expect(await diagnosticsOf(plans)).toEqual([]);
  });

  it("warns on each unimplemented option, on its line", async () => {
    const plans = `    jwt:
      name: JWT
      security:
        type: JWT
        configuration:
          signature: RSA_RS256
          publicKeyResolver: JWKS_URL
          resolverParameter: "{#properties['jwks']}"
          useSystemProxy: true
          confirmationMethodValidation:
            certificateBoundThumbprint:
              enabled: true
              extractCertificateFromHeader: true
    oauth:
      name: OAuth2
      security:
        type: OAUTH2
        configuration:
          oauthResource: idp
          oauthCacheResource: cache
`;
    const found = await diagnosticsOf(plans);
    // Each points at the value that asks for the behaviour (lines 31, 32, 36 and 43 of the file).
    expect(found.map((d) => d.split(" ").slice(0, 2).join(" "))).toEqual([
      "warning compile/not-implemented@32:27",
      "warning compile/not-implemented@31:30",
      "warning compile/not-implemented@36:45",
      "warning compile/not-implemented@43:31",
    ]);
    expect(found[0]).toContain("`useSystemProxy` of JWT plan `jwt`");
    expect(found[3]).toContain("`oauthCacheResource` of OAUTH2 plan `oauth`");
  });
});

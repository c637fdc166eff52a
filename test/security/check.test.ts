// `plan/jwt-key`: a JWT plan's key checked where it is written, with exact line and column.
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { diagnose, summary } from "../helpers/check.ts";
import { jwtPlan, securedApi } from "../helpers/specs.ts";

const pem = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .publicKey.export({ type: "spki", format: "pem" })
  .toString();
const ecPem = generateKeyPairSync("ec", { namedCurve: "P-256" })
  .publicKey.export({ type: "spki", format: "pem" })
  .toString();
const block = (text: string) => `|\n${text.trimEnd().replace(/^/gm, "            ")}`;

const spec = (configuration: string) =>
  securedApi("orders", "/orders", "http://127.0.0.1:1", jwtPlan("jwt", configuration));

describe("plan/jwt-key", () => {
  it.each([
    [
      "an RSA public key",
      `signature: RSA_RS256\n          publicKeyResolver: GIVEN_KEY\n          resolverParameter: ${block(pem)}`,
      [],
    ],
    [
      "a key from the environment",
      "signature: HMAC_HS256\n          publicKeyResolver: GIVEN_KEY\n          resolverParameter: ${JWT_SECRET}",
      [],
    ],
    [
      "a JWKS URL",
      "signature: RSA_RS512\n          publicKeyResolver: JWKS_URL\n          resolverParameter: https://idp.example/jwks",
      [],
    ],
    ["gateway keys", "signature: HMAC_HS512\n          publicKeyResolver: GATEWAY_KEYS", []],
    ["no key", "signature: RSA_RS256\n          publicKeyResolver: GIVEN_KEY", ["plan/jwt-key@28:9"]],
    [
      "an HMAC secret in the spec",
      "signature: HMAC_HS256\n          publicKeyResolver: GIVEN_KEY\n          resolverParameter: a-secret-that-is-long-enough-for-hs256",
      ["plan/jwt-key@31:30"],
    ],
    [
      "not a key",
      "signature: RSA_RS256\n          publicKeyResolver: GIVEN_KEY\n          resolverParameter: not-a-key",
      ["plan/jwt-key@31:30"],
    ],
    [
      "an EC key for an RSA signature",
      `signature: RSA_RS256\n          publicKeyResolver: GIVEN_KEY\n          resolverParameter: ${block(ecPem)}`,
      ["plan/jwt-key@31:30"],
    ],
    [
      "HMAC with a JWKS and a URL that is not http(s)",
      "signature: HMAC_HS256\n          publicKeyResolver: JWKS_URL\n          resolverParameter: file:///etc/jwks.json",
      ["plan/jwt-key@29:22", "plan/jwt-key@31:30"],
    ],
  ])("%s", (_name, configuration, expected) => {
    const found = diagnose(spec(`          ${configuration}`)).filter((d) => d.code === "plan/jwt-key");
    expect(summary(found)).toEqual(expected);
  });

  it("says why", () => {
    const [found] = diagnose(
      spec(
        "          signature: HMAC_HS384\n          publicKeyResolver: GIVEN_KEY\n          resolverParameter: s3cr3t",
      ),
    );
    expect(found?.message).toBe("the HMAC_HS384 secret is written in the spec, so it is in git");
  });
});

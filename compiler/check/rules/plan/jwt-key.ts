// A JWT plan's key, checked where it is written: GIVEN_KEY needs a key, a literal RSA key must be
// one (the runtime's own parser decides, runtime/security/jwt-keys.ts), an HMAC secret must not be
// written in the spec (a secret in git: use `${ENV}`), JWKS_URL needs an http(s) URL and an RSA
// signature. Values given as `${ENV}` are checked when the gateway starts.
import { parseKey } from "../../../../runtime/security/jwt-keys.ts";
import { defineApiRule } from "../../rule.ts";
import { obj, plansOf } from "../../spec-view.ts";

export default defineApiRule({
  code: "plan/jwt-key",
  severity: "error",
  kinds: ["ApiV4Definition"],
  check({ doc }, report) {
    // The document as written: an `${ENV}` reference is still visible here.
    for (const plan of plansOf(obj(doc.value.spec))) {
      const security = obj(plan.item.security);
      if (security.type !== "JWT") continue;
      const config = obj(security.configuration);
      const at = `${plan.pointer}/security/configuration`;
      const signature = typeof config.signature === "string" ? config.signature : "RSA_RS256";
      const hmac = signature.startsWith("HMAC_");
      const parameter = config.resolverParameter;
      const written = typeof parameter === "string" && !parameter.includes("${") && !parameter.includes("{#");
      const resolver = config.publicKeyResolver ?? "GIVEN_KEY";
      if (resolver === "GIVEN_KEY") {
        if (typeof parameter !== "string" || parameter.trim() === "") {
          report({
            pointer: at,
            key: true,
            message: "a GIVEN_KEY JWT plan needs its key in `resolverParameter`",
            hint: "give the public key (PEM) or `${ENV}` holding it",
          });
        } else if (written && hmac) {
          report({
            pointer: `${at}/resolverParameter`,
            message: `the ${signature} secret is written in the spec, so it is in git`,
            hint: "put the secret in the gateway's environment and write `resolverParameter: ${JWT_SECRET}`",
          });
        } else if (written) {
          try {
            parseKey(parameter, false, signature.replace("RSA_", ""), "resolverParameter");
          } catch (error) {
            report({
              pointer: `${at}/resolverParameter`,
              message: (error as Error).message,
              hint: "give a PEM public key (-----BEGIN PUBLIC KEY-----), a PEM certificate or an ssh-rsa line",
            });
          }
        }
      } else if (resolver === "JWKS_URL") {
        if (hmac)
          report({
            pointer: `${at}/signature`,
            message: `a JWKS holds public keys: ${signature} cannot use JWKS_URL`,
            hint: "use GIVEN_KEY or GATEWAY_KEYS for HMAC signatures, or an RSA signature",
          });
        if (written && !/^https?:\/\/[^/]/i.test(parameter))
          report({
            pointer: `${at}/resolverParameter`,
            message: "JWKS_URL needs an http(s) URL in `resolverParameter`",
            hint: "e.g. https://idp.example.com/.well-known/jwks.json",
          });
      }
    }
  },
});

// `xml-validation`: validates the request body against an XSD schema, as Gravitee's plugin
// (gravitee-policy-xml-validation 1.x, javax.xml) does in its request-content phase: a body that is
// not well-formed or not valid ends the exchange with 400 and `errorMessage` (EL; default `Bad
// Request`), no error key. The schema was checked at build time by the compiler (same code,
// ./xsd.ts) and is compiled once when the gateway creates the step. libxml2 (WebAssembly, ~35 ms
// to instantiate) is imported statically: a gateway links this module only when an API uses the
// policy, and esbuild cannot load a module graph with top-level await and import cycles (as
// libxml2-wasm's) lazily — its lazy wrappers deadlock. Bodies past the API's body limit
// (SLUICE_EL_BODY_LIMIT, 10 MiB; server/body.ts) are refused before parsing: 413 REQUEST_CONTENT_TOO_LARGE.
// https://documentation.gravitee.io/apim/policies/xml-validation
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { XmlValidationPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";
import { compileXsd, validateXml } from "./xsd.ts";

export type XmlValidationConfig = Omit<XmlValidationPolicyConfiguration, "errorMessage"> & {
  errorMessage?: Templated;
};

export const connector = definePolicy<XmlValidationConfig>({
  id: "xml-validation",
  create(config, ctx) {
    const schema = compileXsd(config.xsdSchema);
    // Only a schema from an environment variable gets here uncompiled (the compiler checked
    // literal ones); as Gravitee, whose plugin compiles it per request, every request is refused.
    if (!("validator" in schema))
      ctx.log.error("xml-validation: the XSD schema cannot be compiled; every request is refused", {
        problem: schema.problems[0]?.message,
      });
    const validator = "validator" in schema ? schema.validator : undefined;
    return {
      async onRequest(exchange) {
        // At most the API's body limit: past it, 413 REQUEST_CONTENT_TOO_LARGE (server/body.ts).
        const content = await exchange.requestBody.read();
        const verdict = validator
          ? validateXml(validator, content)
          : { outcome: "invalid" as const, message: "no schema" };
        if (verdict.outcome === "valid") return;
        if (verdict.outcome === "external")
          ctx.log.warn("xml-validation: refused a body referencing external content", {
            requestId: exchange.requestId,
          });
        const message =
          config.errorMessage !== undefined && config.errorMessage !== ""
            ? render(config.errorMessage, exchange.el())
            : "Bad Request";
        throw new GatewayError(400, message);
      },
    };
  },
});

// `xml-validation`: validates the request body against an XSD schema, as Gravitee's plugin
// (gravitee-policy-xml-validation 1.x, javax.xml) does in its request-content phase: a body that is
// not well-formed or not valid ends the exchange with 400 and `errorMessage` (EL; default `Bad
// Request`), no error key. The schema was checked at build time by the compiler (same code,
// ./xsd.ts) and is compiled once when the gateway creates the step. libxml2 (WebAssembly, ~35 ms
// to instantiate) is imported statically: a gateway links this module only when an API uses the
// policy, and esbuild cannot load a module graph with top-level await and import cycles (as
// libxml2-wasm's) lazily — its lazy wrappers deadlock. Bodies past SLUICE_XML_VALIDATION_MAX_BYTES
// (10 MiB) are refused before parsing: 413, as for bodies buffered for expressions.
// https://documentation.gravitee.io/apim/policies/xml-validation
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import { BodyTooLarge } from "../../server/body.ts";
import type { XmlValidationPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";
import { compileXsd, validateXml } from "./xsd.ts";

export type XmlValidationConfig = Omit<XmlValidationPolicyConfiguration, "errorMessage"> & {
  errorMessage?: Templated;
};

/** The largest body validated, in bytes, unless SLUICE_XML_VALIDATION_MAX_BYTES says otherwise. */
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export const connector = definePolicy<XmlValidationConfig>({
  id: "xml-validation",
  create(config, ctx) {
    const setting = Number(ctx.env.SLUICE_XML_VALIDATION_MAX_BYTES ?? DEFAULT_MAX_BYTES);
    const maxBytes = Number.isFinite(setting) && setting > 0 ? setting : DEFAULT_MAX_BYTES;
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
        let content: Buffer;
        try {
          content = await exchange.requestBody.read(maxBytes);
        } catch (error) {
          if (!(error instanceof BodyTooLarge)) throw error;
          ctx.log.warn("xml-validation: request body too large to validate", {
            limit: maxBytes,
            requestId: exchange.requestId,
            setting: "SLUICE_XML_VALIDATION_MAX_BYTES",
          });
          throw new GatewayError(413, "Request content too large", { key: "REQUEST_CONTENT_TOO_LARGE" });
        }
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

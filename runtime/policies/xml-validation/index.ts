// `xml-validation`: validates the request body against an XSD schema, as Gravitee's plugin
// (gravitee-policy-xml-validation 1.x, javax.xml) does in its request-content phase: a body that is
// not well-formed or not valid ends the exchange with 400 and `errorMessage` (EL; default `Bad
// Request`), no error key. The schema was compiled at build time by the compiler (same code,
// ./xsd.ts); libxml2 (WebAssembly) is loaded lazily, starting when the gateway creates the step, so
// the gateway's start does not wait for it. Bodies past SLUICE_XML_VALIDATION_MAX_BYTES (10 MiB)
// are refused before parsing: 413, as for bodies buffered for expressions.
// https://documentation.gravitee.io/apim/policies/xml-validation
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import { BodyTooLarge } from "../../server/body.ts";
import type { XmlValidationPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";

export type XmlValidationConfig = Omit<XmlValidationPolicyConfiguration, "errorMessage"> & {
  errorMessage?: Templated;
};

type Xsd = typeof import("./xsd.ts");

/** The largest body validated, in bytes, unless SLUICE_XML_VALIDATION_MAX_BYTES says otherwise. */
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

let loading: Promise<Xsd> | undefined;
/** libxml2, loaded once per process on first need. */
function loadXsd(): Promise<Xsd> {
  loading ??= import("./xsd.ts");
  return loading;
}

export const connector = definePolicy<XmlValidationConfig>({
  id: "xml-validation",
  create(config, ctx) {
    const setting = Number(ctx.env.SLUICE_XML_VALIDATION_MAX_BYTES ?? DEFAULT_MAX_BYTES);
    const maxBytes = Number.isFinite(setting) && setting > 0 ? setting : DEFAULT_MAX_BYTES;
    type Validator = Parameters<Xsd["validateXml"]>[0];
    const compiled: Promise<{ xsd: Xsd; validator: Validator | undefined }> = loadXsd().then((xsd) => {
      const schema = xsd.compileXsd(config.xsdSchema);
      if ("validator" in schema) return { xsd, validator: schema.validator };
      // Only a schema from an environment variable gets here (the compiler checked literal ones).
      ctx.log.error("xml-validation: the XSD schema cannot be compiled; every request is refused", {
        problem: schema.problems[0]?.message,
      });
      return { xsd, validator: undefined };
    });
    // Settled on first use; never an unhandled rejection in between.
    compiled.catch(() => {});
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
        const { xsd, validator } = await compiled;
        const verdict = validator
          ? xsd.validateXml(validator, content)
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

// MTLS plans (Gravitee's `mtls` security): the credential is the SHA-256 thumbprint of the client
// certificate of the TLS connection (./client-certificate.ts; never a header, never clear text),
// and the plan's subscription is the application that registered that certificate. With
// SLUICE_TLS_CLIENT_CA set, the certificate must also chain to that CA; without it, the registered
// thumbprint is the trust (pinning). Either way it must be within its validity period. A request
// with no acceptable certificate gets no subscription here, so plan selection moves on (and ends
// in 401 when no other plan applies).
import { defineSecurity } from "../../define.ts";
import { TLS_CLIENT_CA } from "../../server/tls-settings.ts";
import type { MtlsSecurityConfiguration } from "../../spec-types/api-v4-definition.ts";
import { peerCertificateOf } from "../client-certificate.ts";

export const connector = defineSecurity<MtlsSecurityConfiguration>({
  type: "MTLS",
  create(_config, ctx) {
    const caConfigured = Boolean(ctx.env[TLS_CLIENT_CA]);
    return {
      extract(exchange) {
        const certificate = peerCertificateOf(exchange);
        return certificate ? { type: "MTLS", value: certificate.thumbprint } : undefined;
      },
      subscription(credential, exchange) {
        const certificate = peerCertificateOf(exchange);
        const now = Date.now();
        if (!certificate || certificate.thumbprint !== credential.value) return undefined;
        if (caConfigured && !certificate.chainVerified) return undefined;
        if (now < certificate.validFrom || now > certificate.validTo) return undefined;
        return ctx.subscriptions.byCertificate(certificate.thumbprint);
      },
      authenticate() {},
    };
  },
});

// A credential is never in clear in git (docs/contract.md §6): an API key, and a webhook
// subscription's password, token, OAuth2 client secret and signing secret. Only a `${ENV}`
// reference (resolved when the gateway starts) or GKO's `[[ secret `name/key` ]]` template (read
// from the secrets directory, and re-read when it changes) may stand for one.
import { isSecretTemplate, parseSecretRef } from "../../../../runtime/consumers/secret-ref.ts";
import { consumerIndex } from "../../consumer-view.ts";
import { defineRepositoryRule } from "../../rule.ts";
import { list, obj, str } from "../../spec-view.ts";

const WEBHOOK = "/spec/consumerConfiguration/entrypointConfiguration";

/** The webhook credentials of `entrypointConfiguration`: where each is, what to call it, a variable name for hints. */
const WEBHOOK_CREDENTIALS = [
  { path: ["auth", "basic", "password"], what: "a webhook password", example: "PARTNER_WEBHOOK_PASSWORD" },
  { path: ["auth", "token", "value"], what: "a webhook token", example: "PARTNER_WEBHOOK_TOKEN" },
  {
    path: ["auth", "oauth2", "clientSecret"],
    what: "a webhook OAuth2 client secret",
    example: "PARTNER_WEBHOOK_CLIENT_SECRET",
  },
  { path: ["signingSecret"], what: "a webhook signing secret", example: "PARTNER_WEBHOOK_SIGNING_SECRET" },
] as const;

export default defineRepositoryRule({
  code: "consumer/literal-key",
  severity: "error",
  check(docs, report) {
    for (const s of consumerIndex(docs).subscriptions) {
      // The document as written: `${VAR:-default}` is a reference, whatever its default.
      const written = obj(s.doc.value.spec);
      const sites: Array<{ pointer: string; value: string; what: string; example: string; secret: string }> =
        [];
      for (const { item, index } of list(written.apiKeys)) {
        const value = str(item.key);
        if (value === undefined) continue;
        sites.push({
          pointer: `/spec/apiKeys/${index}/key`,
          value,
          what: "an API key",
          example: "ORDERS_PARTNER_KEY",
          secret: "orders-keys/partner",
        });
      }
      const webhook = obj(obj(written.consumerConfiguration).entrypointConfiguration);
      for (const c of WEBHOOK_CREDENTIALS) {
        let node: unknown = webhook;
        for (const segment of c.path) node = obj(node)[segment];
        if (typeof node !== "string") continue;
        sites.push({
          pointer: `${WEBHOOK}/${c.path.join("/")}`,
          value: node,
          what: c.what,
          example: c.example,
          secret: `partner-webhook/${c.path.at(-1)!.toLowerCase()}`,
        });
      }
      for (const { pointer, value, what, example, secret } of sites) {
        const site = s.doc.envSites.find((e) => e.pointer === pointer);
        if (site) {
          const ref = site.template.parts[0];
          // `${NAME}` or `${NAME:-}` (none when unset); a default is a credential in git.
          if (site.template.whole && ref && "env" in ref && !ref.default) continue;
          report(s.doc, {
            pointer,
            message: `${what} reference must be the whole value, without a default: a default is a credential in git`,
            hint: `write \`\${${example}}\`, or \`\${${example}:-}\` for one that may be unset`,
          });
          continue;
        }
        if (isSecretTemplate(value)) {
          if (parseSecretRef(value)) continue;
          report(s.doc, {
            pointer,
            message: "malformed secret reference",
            hint: "write `[[ secret `name/key` ]]`: a Secret name (lowercase DNS name) and a key (letters, digits, `-`, `_`, `.`)",
          });
          continue;
        }
        report(s.doc, {
          pointer,
          message: `${what} is written in clear; a credential in git is a leaked credential`,
          hint: `reference it: \`\${${example}}\` (environment) or \`[[ secret \`${secret}\` ]]\` (read from $SLUICE_SECRETS_DIR/${secret})`,
        });
      }
    }
  },
});

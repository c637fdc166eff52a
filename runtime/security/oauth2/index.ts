// OAUTH2 plans (Gravitee's `oauth2` security policy): the bearer token (./bearer-token.ts) is
// introspected (RFC 7662, ./introspection.ts) through the API resource the plan names in
// `oauthResource`. Plan selection introspects (cached) to learn the token's `client_id` and find the
// application's subscription: an inactive token or one without a subscription selects no plan
// (Gravitee: 401 GATEWAY_PLAN_UNRESOLVABLE); an authorization server that cannot answer is 503
// OAUTH2_SERVER_UNAVAILABLE `temporarily_unavailable`. The selected plan then checks the scopes
// (`checkRequiredScopes`: all of `requiredScopes` with `modeStrict`, the default, else one of them):
// missing → 401 OAUTH2_INSUFFICIENT_SCOPE, as Gravitee answers. Its 401s carry
// `WWW-Authenticate: Bearer realm="gravitee.io"` (RFC 6750 §3) like Gravitee's.
// Attributes as Gravitee names them: `oauth.access_token`, `oauth.client_id`, `user`, `user.roles`
// (the scopes) and `oauth.payload` with `extractPayload`.
import { GatewayError } from "../../contract.ts";
import { defineSecurity } from "../../define.ts";
import type { OAuth2SecurityConfiguration } from "../../spec-types/api-v4-definition.ts";
import {
  CLIENT_ID_ATTRIBUTE,
  OAUTH_ACCESS_TOKEN_ATTRIBUTE,
  OAUTH_PAYLOAD_ATTRIBUTE,
  USER_ATTRIBUTE,
  USER_ROLES_ATTRIBUTE,
} from "../attributes.ts";
import { bearerTokenOf, removeAuthorizationUpstream } from "../bearer-token.ts";
import { createIntrospector, type Introspection, IntrospectionUnavailable } from "../introspection.ts";
import { hasRequiredScopes } from "../scopes.ts";

const CHALLENGE = { "www-authenticate": 'Bearer realm="gravitee.io"' };
const unauthorized = (key: string) => new GatewayError(401, "Unauthorized", { key, headers: CHALLENGE });

export const connector = defineSecurity<OAuth2SecurityConfiguration>({
  type: "OAUTH2",
  create(config, ctx) {
    const where = `API ${ctx.api.id}, plan ${ctx.plan.id}`;
    const resource = ctx.resource(config.oauthResource);
    const introspector = resource ? createIntrospector(resource, where) : undefined;
    if (!introspector)
      ctx.log.error("OAUTH2 plan names a resource the API does not have; the plan is never selected", {
        plan: ctx.plan.id,
        resource: config.oauthResource,
      });

    const introspect = async (token: string): Promise<Introspection> => {
      try {
        return await introspector!.introspect(token);
      } catch (error) {
        if (!(error instanceof IntrospectionUnavailable)) throw error;
        ctx.log.error("OAuth2 authorization server unavailable", { plan: ctx.plan.id, error: error.message });
        throw new GatewayError(503, "temporarily_unavailable", { key: "OAUTH2_SERVER_UNAVAILABLE" });
      }
    };

    return {
      extract(exchange) {
        // Gravitee skips an OAuth2 plan whose resource is missing, as if it saw no token.
        if (!introspector) return undefined;
        const token = bearerTokenOf(exchange);
        return token === undefined ? undefined : { type: "OAUTH2", value: token };
      },
      async subscription(credential) {
        if (credential.value === "") return undefined;
        const result = await introspect(credential.value);
        if (!result.active || result.clientId === undefined) return undefined;
        return ctx.subscriptions.byClientId(result.clientId);
      },
      async authenticate(exchange, credential) {
        if (!introspector) throw unauthorized("OAUTH2_MISSING_SERVER");
        if (!credential) throw unauthorized("OAUTH2_MISSING_HEADER");
        if (credential.value === "") throw unauthorized("OAUTH2_MISSING_ACCESS_TOKEN");
        const result = await introspect(credential.value);
        if (!result.active) throw unauthorized("OAUTH2_INVALID_ACCESS_TOKEN");
        if (
          config.checkRequiredScopes &&
          !hasRequiredScopes(result.scopes, config.requiredScopes, config.modeStrict !== false)
        )
          throw unauthorized("OAUTH2_INSUFFICIENT_SCOPE");
        exchange.attributes[OAUTH_ACCESS_TOKEN_ATTRIBUTE] = credential.value;
        if (result.clientId !== undefined) exchange.attributes[CLIENT_ID_ATTRIBUTE] = result.clientId;
        if (result.user !== undefined && result.user.trim() !== "")
          exchange.attributes[USER_ATTRIBUTE] = result.user;
        exchange.attributes[USER_ROLES_ATTRIBUTE] = result.scopes;
        if (config.extractPayload) exchange.attributes[OAUTH_PAYLOAD_ATTRIBUTE] = result.payload;
        if (config.propagateAuthHeader === false) removeAuthorizationUpstream(exchange);
      },
    };
  },
});

// `policy-basic-authentication`: HTTP Basic (RFC 7617) against the API's authentication provider
// resources, tried in order — the inline provider (`auth-provider-inline-resource`: `users` with
// `username`, `password`). Success sets the `user` attribute (Gravitee's); failure is 401
// `Unauthorized` with `WWW-Authenticate: Basic realm="…"`. Usernames match ignoring case, passwords
// exactly and in constant time. A provider of another type stops the gateway at start-up.
// https://documentation.gravitee.io/apim/policies/basic-authentication
import { createHash, timingSafeEqual } from "node:crypto";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { BasicAuthenticationPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

const INLINE = "auth-provider-inline-resource";

interface User {
  username: string;
  password: string;
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export const connector = definePolicy<BasicAuthenticationPolicyConfiguration>({
  id: "policy-basic-authentication",
  create(config, ctx) {
    const providers = config.authenticationProviders.map((name) => {
      const resource = ctx.resource?.(name);
      if (!resource)
        throw new Error(`basic authentication: the API has no enabled resource named \`${name}\``);
      if (resource.type !== INLINE)
        throw new Error(
          `basic authentication: resource \`${name}\` is a \`${resource.type}\`; only \`${INLINE}\` is supported`,
        );
      return (resource.configuration.users ?? []) as User[];
    });
    const realm = config.realm?.trim() || "gravitee.io";
    const unauthorized = (message = "Unauthorized") =>
      new GatewayError(401, message, { headers: { "www-authenticate": `Basic realm="${realm}"` } });
    const authenticate = (username: string, password: string): boolean =>
      providers.some((users) => {
        const user = users.find((u) => u.username.toLowerCase() === username.toLowerCase());
        // Digests have one length: compared in constant time whatever the passwords' lengths.
        return user !== undefined && timingSafeEqual(digest(user.password), digest(password));
      });
    return {
      onRequest(exchange) {
        const header = exchange.request.headers.authorization;
        if (typeof header !== "string" || !header.toUpperCase().startsWith("BASIC ")) throw unauthorized();
        if (providers.length === 0) throw unauthorized("No authentication provider has been provided");
        const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
        const separator = decoded.indexOf(":");
        if (separator <= 0) throw unauthorized();
        const username = decoded.slice(0, separator);
        if (!authenticate(username, decoded.slice(separator + 1))) throw unauthorized();
        exchange.attributes.user = username;
      },
    };
  },
});

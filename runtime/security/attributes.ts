// The context attributes plans set, named as Gravitee names them, so EL written for Gravitee
// (`{#context.attributes['jwt.claims']['sub']}`, `{#context.attributes['user']}`) reads the same.
export const JWT_TOKEN_ATTRIBUTE = "jwt.token";
export const JWT_CLAIMS_ATTRIBUTE = "jwt.claims";
export const OAUTH_ACCESS_TOKEN_ATTRIBUTE = "oauth.access_token";
export const OAUTH_PAYLOAD_ATTRIBUTE = "oauth.payload";
export const CLIENT_ID_ATTRIBUTE = "oauth.client_id";
export const USER_ATTRIBUTE = "user";
export const USER_ROLES_ATTRIBUTE = "user.roles";

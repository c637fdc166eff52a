// Gravitee's required-scopes rule, shared by JWT and OAuth2 plans (`checkRequiredScopes`,
// `requiredScopes`, `modeStrict`): nothing required → fine; strict (the default) → every required
// scope; otherwise at least one of them.
export function hasRequiredScopes(
  scopes: readonly string[],
  required: readonly string[] | undefined,
  strict: boolean,
): boolean {
  if (!required || required.length === 0) return true;
  if (scopes.length === 0) return false;
  return strict ? required.every((s) => scopes.includes(s)) : scopes.some((s) => required.includes(s));
}

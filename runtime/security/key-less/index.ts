// KEY_LESS plans: anyone may call. Gravitee tries keyless plans last, so a request carrying a
// credential is matched to the plan that checks it.
import { defineSecurity } from "../../define.ts";
import type { KeyLessSecurityConfiguration } from "../../spec-types/api-v4-definition.ts";

export const connector = defineSecurity<KeyLessSecurityConfiguration>({
  type: "KEY_LESS",
  create: () => ({ extract: () => undefined, authenticate: () => {} }),
});

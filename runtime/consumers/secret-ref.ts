// GKO's secret template, `[[ secret `name/key` ]]`: a value read from the Kubernetes Secret `name`,
// key `key`. Sluice reads it from `$SLUICE_SECRETS_DIR/name/key` (a Secret mounted as a volume). One
// parser for the compiler (which refuses anything else where a key is expected) and the runtime
// (which reads the file): names are those Kubernetes allows, so a reference can never leave the
// secrets directory (`..`, `/` and the volume's own `..data` entries are not names).

export interface SecretRef {
  /** The Secret's name: a DNS-1123 subdomain. */
  readonly name: string;
  /** The key in its data: letters, digits, `-`, `_`, `.`, not starting with `..`. */
  readonly key: string;
}

const TEMPLATE = /^\[\[\s*secret\s+`([^`]*)`\s*\]\]$/;
const SECRET_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** Whether `value` is written as a secret template at all (well-formed or not). */
export function isSecretTemplate(value: string): boolean {
  return TEMPLATE.test(value.trim());
}

/** Whether a reference names a Secret and key Kubernetes allows (so it stays inside the directory). */
export function isValidSecretRef(ref: SecretRef): boolean {
  const { name, key } = ref;
  if (name.length > 253 || !SECRET_NAME.test(name)) return false;
  return key.length <= 253 && SECRET_KEY.test(key) && !key.startsWith("..") && key !== ".";
}

/** The reference a well-formed template names; undefined for anything else. */
export function parseSecretRef(value: string): SecretRef | undefined {
  const m = TEMPLATE.exec(value.trim());
  if (!m) return undefined;
  const slash = m[1]!.indexOf("/");
  if (slash < 0) return undefined;
  const ref = { name: m[1]!.slice(0, slash), key: m[1]!.slice(slash + 1) };
  return isValidSecretRef(ref) ? ref : undefined;
}

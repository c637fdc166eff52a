// Secrets in exports — broker passwords, OAuth client secrets, HMAC keys, private keys, credentials
// in URLs or Authorization headers — must not land in git. Each is replaced by a `${ENV}`
// reference (docs/spec-format.md "Environment references": resolved when the gateway starts) and
// listed by name and place; the value itself is never printed or kept. JSON held in a string
// (v2 `securityDefinition`, a Keycloak adapter configuration) is searched too.
import { type Notes, pointerOf } from "./notes.ts";
import { isObject, type Json, type JsonObject } from "./values.ts";

const SECRET_KEY =
  /^(password|passwd|pass|secret|client_?secret|token|access_?token|refresh_?token|api_?key|api-key|private_?key|secret_?key|shared_?secret|key_?password|credentials?)$/i;
/** Header names whose value is a credential. */
const SECRET_HEADER = /^(authorization|proxy-authorization|x-api-key|x-gravitee-api-key|api-key|cookie)$/i;
/** Keystore fields holding key material inline. */
const KEY_MATERIAL = /^(content|key|keyContent|pem)$/i;

/** `${ENV}`, an EL expression, or a GKO `[[ secret `name/key` ]]` template: not a secret written out. */
function isReference(value: string): boolean {
  const v = value.trim();
  return /^\$\{[^}]+\}$/.test(v) || /^\{#.*\}$/s.test(v) || /^\[\[.*\]\]$/s.test(v);
}

function envWord(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
}

export function replaceSecrets(resource: JsonObject, notes: Notes): void {
  const prefix = envWord(String((resource.metadata as JsonObject | undefined)?.name ?? "API"));
  const taken = new Set<string>();
  const envFor = (path: ReadonlyArray<string | number>): string => {
    const words = path.filter((p): p is string => typeof p === "string" && !/^\d+$/.test(p)).slice(-2);
    let name = [prefix, ...words.map(envWord)].filter(Boolean).join("_");
    const base = name;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    return name;
  };
  const secret = (path: Array<string | number>, where: Array<string | number>): string => {
    const env = envFor(path);
    notes.secrets.push({ env, pointer: pointerOf(where) });
    return `\${${env}}`;
  };

  /** Walks `value` at `path`; `inString`: the pointer of the JSON string being searched. */
  const walk = (value: Json, path: Array<string | number>, inString?: Array<string | number>): Json => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i], inString));
    if (isObject(value)) {
      const out: JsonObject = {};
      const inKeyStore = /key_?store|trust_?store/i.test(String(path.at(-1) ?? ""));
      const hmac = typeof value.signature === "string" && value.signature.startsWith("HMAC");
      for (const [key, v] of Object.entries(value)) {
        const here = [...path, key];
        const place = inString ?? here;
        const isSecret =
          typeof v === "string" &&
          v !== "" &&
          !isReference(v) &&
          (SECRET_KEY.test(key) ||
            (inKeyStore && KEY_MATERIAL.test(key)) ||
            (key === "resolverParameter" && hmac) ||
            (key === "key" && path.includes("apiKeys")) ||
            (key === "value" && typeof value.name === "string" && SECRET_HEADER.test(value.name)));
        out[key] = isSecret ? secret(here, place) : walk(v, here, inString);
      }
      return out;
    }
    if (typeof value === "string") return secretsInString(value, path, inString ?? path);
    return value;
  };

  const secretsInString = (
    value: string,
    path: Array<string | number>,
    where: Array<string | number>,
  ): string => {
    const trimmed = value.trim();
    if (trimmed.startsWith("{") && trimmed.endsWith("}") && !trimmed.startsWith("{#")) {
      try {
        const parsed = JSON.parse(trimmed) as Json;
        const replaced = walk(parsed, path, where);
        // the pointer stays the string's: the secret is inside it
        if (JSON.stringify(replaced) !== JSON.stringify(parsed)) return JSON.stringify(replaced);
      } catch {
        // not JSON: a string like any other
      }
    }
    // https://user:password@host → https://user:${ENV}@host
    const url = value.replace(
      /^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)([^@/\s]+)(@)/i,
      (all, head: string, pass: string, at: string) =>
        isReference(pass) ? all : `${head}${secret([...path, "password"], where)}${at}`,
    );
    // A JAAS configuration (Kafka's `saslJaasConfig`): `… password="secret";`
    return url.replace(/\b(password\s*=\s*")([^"]*)(")/gi, (all, head: string, pass: string, tail: string) =>
      pass === "" || isReference(pass) ? all : `${head}${secret([...path, "password"], where)}${tail}`,
    );
  };

  resource.spec = walk(resource.spec ?? null, ["spec"]);
}

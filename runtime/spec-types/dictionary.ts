// DO NOT EDIT: generated from compiler/validate/schemas/dictionary.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

/**
 * A Gravitee dictionary: key/value properties that expressions of every API read as `#dictionaries['<metadata.name>']['<key>']`. The Gravitee Kubernetes Operator has no Dictionary resource; this kind is Sluice's, in GKO's style.
 */
export interface Dictionary {
  /**
   * Resource API version.
   */
  apiVersion: "gravitee.io/v1alpha1";
  /**
   * Resource kind.
   */
  kind: "Dictionary";
  metadata: ResourceMetadata;
  spec: DictionarySpec;
}
/**
 * Kubernetes object metadata. `name` is the Dictionary's identity: the name expressions read it by.
 *
 * This interface was referenced by `Dictionary`'s JSON-Schema
 * via the `definition` "ResourceMetadata".
 */
export interface ResourceMetadata {
  /**
   * The Dictionary's identity, as `#dictionaries['<name>']` names it: a DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters), unique among the Dictionaries of the repository.
   */
  name: string;
  /**
   * Kubernetes namespace (informational for Sluice).
   */
  namespace?: string;
  /**
   * Kubernetes labels (informational for Sluice).
   */
  labels?: {
    [k: string]: string | undefined;
  };
  /**
   * Kubernetes annotations (informational for Sluice).
   */
  annotations?: {
    [k: string]: string | undefined;
  };
}
/**
 * A manual dictionary (Gravitee's `MANUAL` type): its properties are part of the compiled gateway. Gravitee's `DYNAMIC` dictionaries, polled from an HTTP provider, are not supported.
 *
 * This interface was referenced by `Dictionary`'s JSON-Schema
 * via the `definition` "DictionarySpec".
 */
export interface DictionarySpec {
  /**
   * Display name (management only).
   */
  name?: string;
  /**
   * Description (management only).
   */
  description?: string;
  /**
   * Gravitee's dictionary type: only `MANUAL` (properties written here).
   */
  type?: "MANUAL";
  /**
   * The dictionary's entries: `#dictionaries['<metadata.name>']['<key>']` reads the value of `<key>`. Values may reference the environment (`${VAR}`), resolved when the gateway starts.
   */
  properties: {
    [k: string]: string | undefined;
  };
}

// DO NOT EDIT: generated from compiler/validate/schemas/api-resource.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

/**
 * A Gravitee Kubernetes Operator `ApiResource` resource, referenced by APIs from `spec.resources`.
 */
export interface ApiResource {
  /**
   * Resource API version.
   */
  apiVersion: "gravitee.io/v1alpha1";
  /**
   * Resource kind.
   */
  kind: "ApiResource";
  metadata: ResourceMetadata;
  spec: ApiResourceSpec;
}
/**
 * Kubernetes object metadata. `name` is the ApiResource's identity in the repository.
 *
 * This interface was referenced by `ApiResource`'s JSON-Schema
 * via the `definition` "ResourceMetadata".
 */
export interface ResourceMetadata {
  /**
   * The ApiResource's identity: a DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters), unique among the ApiResources of the repository.
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
 * A GKO `ApiResource`: a resource (an OAuth2 authorization server, a cache...) that APIs reference from `spec.resources` with `ref`.
 *
 * This interface was referenced by `ApiResource`'s JSON-Schema
 * via the `definition` "ApiResourceSpec".
 */
export interface ApiResourceSpec {
  /**
   * The name plans and policies use (defaults to `metadata.name`).
   */
  name?: string;
  /**
   * Resource plugin id (e.g. `oauth2`, `oauth2-am-resource`, `cache`, `cache-redis`).
   */
  type?: string;
  /**
   * Whether the resource is enabled.
   */
  enabled?: boolean;
  /**
   * Resource configuration (for `oauth2`: `introspectionEndpoint`, `clientId`, `clientSecret`, ...).
   */
  configuration?: {
    [k: string]: unknown | undefined;
  };
}

// `graphql-guard` (a Sluice policy; Gravitee has no equivalent): rejects a GraphQL operation before
// the backend sees it when it nests deeper than `maxDepth`, costs more than `maxComplexity` (see
// lib/graphql.ts complexityOf), is not on the `allowlist` of operation names, or introspects the
// schema while `allowIntrospection` is false. Rejections are 400 with a GraphQL error body.
import { definePolicy } from "../../define.ts";
import type { GraphqlGuardPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { complexityOf, depthOf, graphqlError, readOperation, usesIntrospection } from "../lib/graphql.ts";

export const connector = definePolicy<GraphqlGuardPolicyConfiguration>({
  id: "graphql-guard",
  create(config) {
    const allowlist = config.allowlist && config.allowlist.length > 0 ? new Set(config.allowlist) : undefined;
    return {
      async onRequest(exchange) {
        const op = await readOperation(exchange);
        const name = op.operation.name?.value;
        if (allowlist && (name === undefined || !allowlist.has(name))) {
          throw graphqlError(
            name === undefined
              ? "Anonymous operations are not allowed."
              : `Operation "${name}" is not allowed.`,
            "OPERATION_NOT_ALLOWED",
          );
        }
        if (config.allowIntrospection === false && usesIntrospection(op)) {
          throw graphqlError("GraphQL introspection is not allowed.", "INTROSPECTION_DISABLED");
        }
        const maxDepth = config.maxDepth ?? 0;
        const depth = maxDepth > 0 ? depthOf(op) : 0;
        if (depth > maxDepth) {
          throw graphqlError(
            `Query depth ${depth} exceeds the maximum depth of ${maxDepth}.`,
            "MAX_DEPTH_EXCEEDED",
          );
        }
        const maxComplexity = config.maxComplexity ?? 0;
        const complexity = maxComplexity > 0 ? complexityOf(op) : 0;
        if (complexity > maxComplexity) {
          throw graphqlError(
            `Query complexity ${complexity} exceeds the maximum complexity of ${maxComplexity}.`,
            "MAX_COMPLEXITY_EXCEEDED",
          );
        }
      },
    };
  },
});

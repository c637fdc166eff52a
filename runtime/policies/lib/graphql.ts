// GraphQL requests as the GraphQL-over-HTTP spec carries them (GET `?query=`, POST JSON
// `{query, operationName, variables}`, POST `application/graphql`), parsed with graphql-js, and the
// static measures the GraphQL policies enforce: depth, complexity (cost), introspection, operation.
// https://graphql.github.io/graphql-over-http/draft/
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import type { Exchange } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";

export interface GraphqlOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
}

/** 400 with a GraphQL `{"errors": [...]}` body: what GraphQL clients understand. */
export function graphqlError(
  message: string,
  code: string,
  status = 400,
  headers?: Record<string, string>,
): GatewayError {
  return new GatewayError(status, message, {
    key: code,
    ...(headers ? { headers } : {}),
    body: {
      contentType: "application/json",
      content: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
    },
  });
}

interface RawRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** Reads and parses the GraphQL operation of the request (the body stays buffered for the endpoint). */
export async function readOperation(exchange: Exchange): Promise<GraphqlOperation> {
  const raw = await rawRequest(exchange);
  if (typeof raw.query !== "string" || raw.query.trim() === "") {
    throw graphqlError("Must provide query string.", "BAD_REQUEST");
  }
  let document: DocumentNode;
  try {
    document = parse(raw.query, { maxTokens: 50_000 });
  } catch (error) {
    throw graphqlError(error instanceof GraphQLError ? error.message : String(error), "GRAPHQL_PARSE_FAILED");
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const name =
    typeof raw.operationName === "string" && raw.operationName !== "" ? raw.operationName : undefined;
  const operation = name
    ? operations.find((o) => o.name?.value === name)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) {
    throw graphqlError(
      name
        ? `Unknown operation named "${name}".`
        : "Must provide operation name if query contains multiple operations.",
      "BAD_REQUEST",
    );
  }
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const variables =
    raw.variables && typeof raw.variables === "object" && !Array.isArray(raw.variables)
      ? (raw.variables as Record<string, unknown>)
      : {};
  return { document, operation, fragments, variables };
}

async function rawRequest(exchange: Exchange): Promise<RawRequest> {
  const method = (exchange.request.method ?? "GET").toUpperCase();
  if (method === "GET") {
    const url = new URL(exchange.request.url ?? "/", "http://gateway");
    const variables = url.searchParams.get("variables");
    return {
      query: url.searchParams.get("query") ?? undefined,
      operationName: url.searchParams.get("operationName") ?? undefined,
      variables: variables ? parseJson(variables) : undefined,
    };
  }
  const body = (await exchange.requestBody.read()).toString("utf8");
  const contentType = String(exchange.request.headers["content-type"] ?? "").toLowerCase();
  if (contentType.startsWith("application/graphql") && !contentType.includes("json")) return { query: body };
  const json = parseJson(body);
  if (Array.isArray(json)) throw graphqlError("Batched GraphQL requests are not supported.", "BAD_REQUEST");
  return json && typeof json === "object" ? (json as RawRequest) : {};
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw graphqlError("The request body is not valid JSON.", "BAD_REQUEST");
  }
}

/** Deepest nesting of field selections (`{ a { b } }` is 2), fragments expanded. */
export function depthOf(op: GraphqlOperation): number {
  const walk = (set: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let max = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        max = Math.max(max, selection.selectionSet ? 1 + walk(selection.selectionSet, seen) : 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, walk(selection.selectionSet, seen));
      } else {
        const fragment = op.fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          max = Math.max(max, walk(fragment.selectionSet, new Set([...seen, fragment.name.value])));
        }
      }
    }
    return max;
  };
  return walk(op.operation.selectionSet, new Set());
}

const LIST_SIZE_ARGUMENTS = new Set(["first", "last", "limit"]);

/**
 * Cost of the operation: every field costs 1, and what a field selects counts as many times as the
 * list size it asks for (`first`/`last`/`limit`, literal or variable), so `users(first: 10) { name }`
 * costs 1 + 10 × 1 = 11.
 */
export function complexityOf(op: GraphqlOperation): number {
  const walk = (set: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total +=
          1 +
          (selection.selectionSet
            ? listSize(selection, op.variables) * walk(selection.selectionSet, seen)
            : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += walk(selection.selectionSet, seen);
      } else {
        const fragment = op.fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          total += walk(fragment.selectionSet, new Set([...seen, fragment.name.value]));
        }
      }
    }
    return total;
  };
  return walk(op.operation.selectionSet, new Set());
}

function listSize(field: FieldNode, variables: Readonly<Record<string, unknown>>): number {
  for (const argument of field.arguments ?? []) {
    if (!LIST_SIZE_ARGUMENTS.has(argument.name.value)) continue;
    const value = argumentValue(argument.value, variables);
    if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  }
  return 1;
}

function argumentValue(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

/** Whether the operation asks for the schema (`__schema`, `__type`); `__typename` is not introspection. */
export function usesIntrospection(op: GraphqlOperation): boolean {
  const walk = (set: SelectionSetNode, seen: ReadonlySet<string>): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        return (
          selection.name.value === "__schema" ||
          selection.name.value === "__type" ||
          (selection.selectionSet !== undefined && walk(selection.selectionSet, seen))
        );
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet, seen);
      const fragment = op.fragments.get(selection.name.value);
      return (
        fragment !== undefined &&
        !seen.has(fragment.name.value) &&
        walk(fragment.selectionSet, new Set([...seen, fragment.name.value]))
      );
    });
  return walk(op.operation.selectionSet, new Set());
}

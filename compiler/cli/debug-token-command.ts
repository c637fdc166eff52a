// `sluice debug-token METHOD PATH`: the `X-Sluice-Debug` header value that makes the gateway record
// one request (debug mode, docs/operations.md), signed with SLUICE_DEBUG_SECRET and valid for a
// minute. The gateway's own function signs it (runtime/observability/debug.ts).
import { DEBUG_TOKEN_SECONDS, debugToken } from "../../runtime/observability/debug.ts";
import { EXIT_OK, type Io, parse, UsageError } from "./main.ts";

const HELP = `Usage: sluice debug-token METHOD PATH

Prints the X-Sluice-Debug header value for one request (PATH as the client sends it, without the
query string), signed with SLUICE_DEBUG_SECRET from the environment; valid for ${DEBUG_TOKEN_SECONDS} seconds.
  curl -H "X-Sluice-Debug: $(npx sluice debug-token GET /orders/42)" localhost:8082/orders/42
`;

export async function commandDebugToken(
  argv: string[],
  io: Io,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 2) throw new UsageError("debug-token takes METHOD and PATH");
  const [method, path] = positionals as [string, string];
  if (!/^[A-Za-z]+$/.test(method)) throw new UsageError(`METHOD must be an HTTP method, not \`${method}\``);
  if (!path.startsWith("/") || path.includes("?"))
    throw new UsageError("PATH must start with / and have no query string");
  const secret = env.SLUICE_DEBUG_SECRET;
  if (!secret) throw new UsageError("SLUICE_DEBUG_SECRET is not set: the gateway's secret signs the token");
  io.out(debugToken(secret, method, path));
  return EXIT_OK;
}

// Runs the real Gravitee gateway with one keyless proxy API (fixtures/d-basic.yaml: /d-basic → the
// backend's /basic) on a fixed port, for benchmarks against Sluice, until Ctrl-C:
//
//   node test/differential/start-gravitee.ts --port 8092 --backend http://127.0.0.1:3001
//   wrk -t2 -c50 -d30s http://127.0.0.1:8092/d-basic/
//
// Start Sluice on the same spec for the other side of the comparison (`sluice compile
// test/differential/fixtures/d-basic.yaml --out /tmp/d-basic` with DIFF_BACKEND set, then
// `sluice start /tmp/d-basic`). The first run downloads the gateway's jars (Maven Central).
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startGravitee } from "./gravitee.ts";
import { convertDirectory } from "./to-gateway-json.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8092" },
    backend: { type: "string" },
    api: { type: "string", default: "d-basic" },
  },
});
if (!values.backend) {
  console.error(
    "usage: node test/differential/start-gravitee.ts --backend URL [--port 8092] [--api d-basic]",
  );
  process.exit(2);
}
const definitions = convertDirectory(fileURLToPath(new URL("./fixtures/", import.meta.url))).filter(
  (d) => d.id === values.api,
);
if (definitions.length === 0) {
  console.error(`no fixture API named ${values.api}`);
  process.exit(2);
}
// Signals are handled from the start: a stop asked for while Gravitee is still starting stops it
// once started (its JVM runs in a process group of its own, which nothing else would end).
let gateway: Awaited<ReturnType<typeof startGravitee>> | undefined;
let stopping = false;
const stop = () => {
  stopping = true;
  if (gateway) void gateway.stop().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
gateway = await startGravitee({
  definitions,
  env: { DIFF_BACKEND: values.backend, DIFF_MAX_SECONDS: "86400" },
  port: Number(values.port),
  verbose: true,
});
console.error(`Gravitee gateway: http://127.0.0.1:${gateway.port}/${values.api}/ → ${values.backend}`);
if (stopping) stop();

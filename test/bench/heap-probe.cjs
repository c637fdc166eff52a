// Preloaded into a gateway under test (`node --expose-gc --require heap-probe.cjs`): on SIGUSR2 it
// collects garbage twice and writes `{ heapUsed }` (bytes, after the collection) to HEAP_PROBE_OUT.
const { writeFileSync } = require("node:fs");
process.on("SIGUSR2", () => {
  global.gc();
  global.gc();
  writeFileSync(process.env.HEAP_PROBE_OUT, JSON.stringify({ heapUsed: process.memoryUsage().heapUsed }));
});

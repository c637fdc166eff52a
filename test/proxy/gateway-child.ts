// The child side of gateway-process.ts: runs a generated gateway and answers over IPC.
import { registerHooks } from "node:module";
import { join } from "node:path";
import type { GatewayBundle } from "../../runtime/contract.ts";
import { runGateway } from "../../runtime/server/gateway.ts";
import { createLogger } from "../../runtime/server/log.ts";

// Generated modules import each other as `./x.js`, as TypeScript resolves them (to x.ts); Node's
// type stripping does not, so the generated TypeScript is run here with that one rule added.
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      // `./x.js` and `#apis/x.js` (package.json imports) name x.ts.
      if (!specifier.endsWith(".js")) throw error;
      return next(`${specifier.slice(0, -".js".length)}.ts`, context);
    }
  },
});

const out = process.argv[2]!;
const { bundle } = (await import(join(out, "gateway.ts"))) as { bundle: GatewayBundle };
// SLUICE_TEST_SIGNALS=1: the gateway handles SIGTERM itself, as `sluice start` does.
const gateway = await runGateway(bundle, {
  manageProcess: process.env.SLUICE_TEST_SIGNALS === "1",
  log: createLogger({}, () => {}),
});
process.on("message", async (m: string) => {
  if (m === "rss") {
    // Collect first: garbage waiting for the next GC is not memory the gateway holds.
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ value: process.memoryUsage().rss });
  } else if (m === "buffers") {
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ value: process.memoryUsage().arrayBuffers });
  } else if (m === "heap") {
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ value: process.memoryUsage().heapUsed });
  } else if (m === "cpu") {
    const u = process.cpuUsage();
    process.send!({ value: u.user + u.system });
  } else if (m === "stop") {
    await gateway.close();
    process.exit(0);
  }
});
// The parent is gone (a test or bench that crashed): do not linger.
process.once("disconnect", () => process.exit(0));
process.send!({ httpPort: gateway.httpPort, adminPort: gateway.adminPort });

// The gateway's JSON log writes to stdout; when the collector reading it goes away (a broken pipe,
// EPIPE), the gateway must keep serving instead of dying on an unhandled stream error.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const logModule = fileURLToPath(new URL("../../runtime/server/log.ts", import.meta.url));

test("a log collector that goes away does not stop the process", async () => {
  const script = `
    const { createLogger } = await import(${JSON.stringify(logModule)});
    const log = createLogger({ service: "probe" });
    let n = 0;
    const timer = setInterval(() => {
      for (let i = 0; i < 50; i++) log.info("line", { n: n++ });
      if (n >= 2000) { clearInterval(timer); process.stderr.write("survived\\n"); }
    }, 5);
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // The collector reads the first bytes, then goes away.
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  expect(stderr).toContain("survived");
  expect(code).toBe(0);
}, 30_000);

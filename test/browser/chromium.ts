// Headless Chromium for the browser suite, driven with puppeteer-core (which never downloads a
// browser): the system's Chromium (Debian's `chromium`, or SLUICE_CHROMIUM), a fresh profile per
// launch, and the flags that keep it off the network it cannot reach. No --disable-web-security:
// CORS, Origin and EventSource behave as for a user. Also the page server: a second origin.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium executable, or undefined (the suite skips, saying why). */
export function findChromium(): string | undefined {
  const given = process.env.SLUICE_CHROMIUM;
  if (given) return existsSync(given) ? given : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export const NO_CHROMIUM =
  "browser suite skipped: no Chromium found (apt-get install chromium, or set SLUICE_CHROMIUM)";

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(executablePath: string): Promise<LaunchedBrowser> {
  const profile = await mkdtemp(join(tmpdir(), "sluice-chromium-"));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface PageServer {
  /** The page's origin, e.g. `http://localhost:41234` (the gateway is on 127.0.0.1: another origin). */
  origin: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `html` at `/` on localhost and a free port. */
export async function servePage(html: () => string): Promise<PageServer> {
  const server = createServer((_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", "no-store");
    res.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://localhost:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

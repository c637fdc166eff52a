// Where the compiler keeps what it reuses between runs (all of it can be deleted at any time):
// node_modules/.cache/sluice (the project's node_modules when Sluice is installed in one), or
// SLUICE_CACHE_DIR.
import { join, resolve } from "node:path";
import { NODE_MODULES_DIR } from "./package-dir.ts";

export const CACHE_DIR = process.env.SLUICE_CACHE_DIR
  ? resolve(process.env.SLUICE_CACHE_DIR)
  : join(NODE_MODULES_DIR, ".cache", "sluice");

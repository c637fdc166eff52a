// Where the compiler keeps what it reuses between runs (all of it can be deleted at any time):
// node_modules/.cache/sluice beside the compiler, or SLUICE_CACHE_DIR.
import { join, resolve } from "node:path";

export const CACHE_DIR = process.env.SLUICE_CACHE_DIR
  ? resolve(process.env.SLUICE_CACHE_DIR)
  : join(import.meta.dirname, "..", "..", "node_modules", ".cache", "sluice");

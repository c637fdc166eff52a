// Route precedence, explicit and independent of file order (Gravitee: the longest context path
// wins; a route for a specific host beats a host-less one with the same path).
import { compare } from "../shared/compare.ts";

export interface RouteEntry {
  host?: string;
  path: string;
  api: string;
}

export function routeOrder(a: RouteEntry, b: RouteEntry): number {
  if ((a.host === undefined) !== (b.host === undefined)) return a.host === undefined ? 1 : -1;
  return (
    b.path.length - a.path.length ||
    compare(a.host ?? "", b.host ?? "") ||
    compare(a.path, b.path) ||
    compare(a.api, b.api)
  );
}

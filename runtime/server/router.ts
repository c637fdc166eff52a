// Context-path routing: the longest matching context path wins, and a route bound to the request's
// host beats a host-less route (Gravitee's virtual hosts). Lookup walks the request path's prefixes
// from the longest down, one Map lookup each, so it costs O(path depth), not O(number of APIs).

export interface Route<T> {
  host?: string;
  /** Normalised: leading and trailing `/`. */
  path: string;
  target: T;
}

export interface RouteMatch<T> {
  target: T;
  contextPath: string;
  /** The rest of the path after the context path: "" or a path starting with `/`. */
  pathInfo: string;
}

export class Router<T> {
  private readonly byHost = new Map<string, Map<string, T>>();
  private readonly anyHost = new Map<string, T>();

  constructor(routes: ReadonlyArray<Route<T>>) {
    for (const r of routes) {
      const table = r.host === undefined ? this.anyHost : this.tableFor(r.host.toLowerCase());
      if (!table.has(r.path)) table.set(r.path, r.target);
    }
  }

  private tableFor(host: string): Map<string, T> {
    let t = this.byHost.get(host);
    if (!t) {
      t = new Map();
      this.byHost.set(host, t);
    }
    return t;
  }

  /**
   * `path` is the request path without query string; `host` the Host header. As in Gravitee, the
   * whole header is compared, case-insensitively: a virtual host without a port matches only
   * requests whose Host has none (`api.example.com:8443` must be declared as such).
   */
  match(host: string | undefined, path: string): RouteMatch<T> | undefined {
    const hostTable = host ? this.byHost.get(host.toLowerCase()) : undefined;
    const withSlash = path.endsWith("/") ? path : `${path}/`;
    if (hostTable) {
      const m = longest(hostTable, withSlash, path);
      if (m) return m;
    }
    return longest(this.anyHost, withSlash, path);
  }
}

function longest<T>(table: Map<string, T>, withSlash: string, path: string): RouteMatch<T> | undefined {
  let end = withSlash.length;
  while (end > 0) {
    const prefix = withSlash.slice(0, end);
    const target = table.get(prefix);
    if (target !== undefined) {
      // `/orders` under context path `/orders/` has the path info "", `/orders/1` has "/1".
      return {
        target,
        contextPath: prefix,
        pathInfo: path.length < prefix.length ? "" : path.slice(prefix.length - 1),
      };
    }
    if (end === 1) break;
    end = withSlash.lastIndexOf("/", end - 2) + 1;
  }
  return undefined;
}

// Context paths as Gravitee normalises them: a leading and a trailing `/`, no `//`
// (io.gravitee.definition.model.v4.listener.http.Path). Used by the checks and the model alike.

export function normalisePath(path: string): string {
  const collapsed = `/${path}/`.replace(/\/{2,}/g, "/");
  return collapsed;
}

/** Characters allowed in a context path: RFC 3986 path characters, no query or fragment. */
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;

/** Why a context path is unusable, or undefined when it is fine. */
export function pathProblem(path: string): string | undefined {
  if (path.trim() === "") return "a context path cannot be empty";
  if (path.includes("?") || path.includes("#"))
    return "a context path cannot contain a query (`?`) or fragment (`#`)";
  if (/\s/.test(path)) return "a context path cannot contain white space";
  if (!PATH_CHARS.test(path)) return "a context path may only contain URL path characters";
  if (
    normalisePath(path)
      .split("/")
      .some((s) => s === "." || s === "..")
  ) {
    return "a context path cannot contain `.` or `..` segments";
  }
  return undefined;
}

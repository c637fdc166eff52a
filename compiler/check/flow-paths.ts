// The flow paths (and channels) of an API with their operator, as the gateway reads them: v4 HTTP and
// CHANNEL selectors, v2 `path-operator`, in API and plan flows; disabled flows are left out, as the
// gateway never builds their matcher. Shared by the path/flow-regex rules.
import { flowsOf, list, type Obj, obj, str } from "./spec-view.ts";

export interface FlowPath {
  path: string;
  equals: boolean;
  pointer: string;
}

export function flowPathsOf(spec: Obj, v2: boolean): FlowPath[] {
  const out: FlowPath[] = [];
  for (const flow of flowsOf(spec)) {
    if (flow.item.enabled === false) continue;
    if (v2) {
      const po = obj(flow.item["path-operator"]);
      const path = str(po.path);
      if (path !== undefined)
        out.push({ path, equals: po.operator === "EQUALS", pointer: `${flow.pointer}/path-operator/path` });
      continue;
    }
    for (const { item, index } of list(flow.item.selectors)) {
      const channel = str(item.type) === "CHANNEL";
      const path = str(item[channel ? "channel" : "path"]);
      if (path === undefined) continue;
      out.push({
        path,
        equals: item[channel ? "channelOperator" : "pathOperator"] === "EQUALS",
        pointer: `${flow.pointer}/selectors/${index}/${channel ? "channel" : "path"}`,
      });
    }
  }
  return out;
}

import { compileTemplate, compileCondition } from "/work/wt-el/compiler/expression/compile-expression.ts";
for (const src of process.argv.slice(2)) {
  const r = src.startsWith("?") ? compileCondition(src.slice(1)) : compileTemplate(src);
  console.log(src, "=>", r.ok ? r.code + "  uses=" + [...r.uses].join(",") : JSON.stringify(r.error));
}

// recheck's pure JavaScript build (no worker, no native binary): the same checkSync as its main entry.
declare module "recheck/lib/browser.js" {
  import type { checkSync } from "recheck";

  const recheck: { readonly checkSync: typeof checkSync };
  export default recheck;
}

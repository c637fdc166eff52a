// Gravitee policies Sluice deliberately does not run, each with what to use instead: a step naming
// one is the error `policy/unsupported` on its `policy` (rather than "not a valid value"), so a user
// importing an export learns the way forward. Policies that are merely not implemented yet are not
// listed: they get the schema's list of valid policies.
export const UNSUPPORTED_POLICIES: ReadonlyMap<string, { what: string; instead: string }> = new Map([
  [
    "groovy",
    {
      what: "Gravitee's Groovy script policy runs a script in the gateway's JVM; Sluice has no Groovy runtime and runs no script it has not type-checked",
      instead:
        "write the logic as a TypeScript policy of the repository, type-checked and linked at compile time (docs/custom-policies.md); headers, attributes and bodies are covered by transform-headers, assign-attributes and assign-content",
    },
  ],
  [
    "xslt",
    {
      what: "Gravitee's XSLT policy needs a complete XSLT processor, which Sluice does not link (the open-source ones for Node.js implement XSLT in part)",
      instead:
        "convert with xml-json or json-xml and transform the JSON with assign-content, or do the transformation in a TypeScript policy of the repository (docs/custom-policies.md)",
    },
  ],
]);

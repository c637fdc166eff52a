#!/usr/bin/env bash
# Checks test/expression/gravitee-values.ts against the real Gravitee EL (optional; needs a JDK 17+
# and Maven, and Maven Central): renders every REQUEST and FAILING case with
# gravitee-expression-language and compares with the table's expected values.
#   bash test/expression/gravitee-jar/check.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$root/.tmp/gravitee-jar"
mkdir -p "$work/classes"
mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/lib"
javac -nowarn -cp "$work/lib/*" -d "$work/classes" "$here/GraviteeValues.java"
node "$here/compare.ts" dump > "$work/cases.txt"
java -cp "$work/classes:$work/lib/*" GraviteeValues < "$work/cases.txt" > "$work/rendered.txt" 2>/dev/null
node "$here/compare.ts" compare "$work/rendered.txt"

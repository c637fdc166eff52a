#!/usr/bin/env bash
# Runs the real Gravitee APIM gateway (its test kit, in-process) for the differential suite and for
# benchmarks. The kit's jars are Java 21 bytecode: the first JDK >= 21 found is used (JAVA_HOME if
# it is one, else /usr/lib/jvm/*).
#   run.sh --warm   download every dependency and compile (CI's install step; needs Maven Central)
#   run.sh          serve: DIFF_FIXTURES_DIR, DIFF_PORT_FILE, DIFF_STOP_FILE, optional DIFF_HTTP_PORT,
#                   DIFF_MAX_SECONDS, and the variables the definitions reference (GraviteeGateway.java)
set -euo pipefail
cd "$(dirname "$0")"

java_version() { "$1/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'; }
pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ "$(java_version "$candidate")" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  echo "run.sh: no JDK 21 or newer found (set JAVA_HOME)" >&2
  return 1
}
JAVA_HOME="$(pick_jdk)"
export JAVA_HOME

if [ "${1:-}" = "--warm" ]; then
  # test-compile resolves the test classpath; a zero-second run resolves surefire's providers too.
  mvn -B -q test-compile
  DIFF_WARM_ONLY=1 mvn -B -q test
  exit 0
fi
exec mvn -B -q test

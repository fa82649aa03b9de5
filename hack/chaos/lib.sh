# Shared by the fault tests of hack/chaos/: source after hack/lib.sh, from the repository root.
# shellcheck shell=bash

fail() { log "FAILED: $*"; [ -f "$TRELLIS_STATE/operator.log" ] && tail -40 "$TRELLIS_STATE/operator.log" >&2; exit 1; }
now() { python3 -c 'import time; print(time.time())'; }
since() { python3 -c "import time; print(f'{time.time() - $1:.1f}')"; }

# The operator jar, built when missing or older than the sources; a fresh local cluster in $TRELLIS_STATE with the
# CRDs, roles and policies, and the operator's ServiceAccount kubeconfig.
fresh_cluster() {
  hack/control-plane/build.sh >/dev/null
  jar=target/quarkus-app/quarkus-run.jar
  if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
    log "building the operator"
    ./mvnw -B -ntp -q package -DskipTests
  fi
  hack/cluster.sh down >/dev/null 2>&1 || true
  rm -rf "$TRELLIS_STATE"
  hack/cluster.sh up
  make --no-print-directory install KUBECONFIG="$KUBECONFIG" >/dev/null
  operator_kubeconfig
  http_port=$(free_port)
}

# As the kubelet probes: an answer within 2 s or none (000).
probe() { curl -s -o /dev/null --max-time 2 -w '%{http_code}' "http://127.0.0.1:$http_port/q/health/$1" || true; }
ready() { probe ready; }

# start_operator LOG [JAVA OPTIONS...]: the operator jar under its ServiceAccount, HTTP on $http_port.
start_operator() {
  local out=$1; shift
  KUBECONFIG="$TRELLIS_STATE/operator.kubeconfig" java -Dquarkus.http.port="$http_port" "$@" -jar "$jar" \
    > "$TRELLIS_STATE/$out" 2>&1 &
  operator_pid=$!
}

await_ready() {
  local deadline=$((SECONDS + ${1:-180}))
  until [ "$(ready)" = 200 ]; do
    kill -0 "$operator_pid" 2>/dev/null || fail "the operator exited"
    [ $SECONDS -lt $deadline ] || fail "the operator was not ready within ${1:-180} s"
    sleep 0.5
  done
}

# summary_row "| fault | runs | faults | recoveries | worst recovery | wrong | lost |": one row of make chaos's table,
# appended to $CHAOS_SUMMARY when make chaos runs the test (hack/chaos/summary.sh prints it).
summary_row() {
  [ -n "${CHAOS_SUMMARY:-}" ] && printf '%s\n' "$1" >> "$CHAOS_SUMMARY"
  return 0
}

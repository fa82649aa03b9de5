# Shared by run.sh and demo.sh: the local control plane with Trellis running on it.
# Source it from the repository root; it sets $kubectl and $KUBECONFIG.

root=$(pwd)
source hack/control-plane/versions.env
cache=${TRELLIS_CACHE:-$HOME/.cache/trellis}
kubectl="$cache/k8s/${K8S_VERSION}-linux-amd64/kubectl"
export TRELLIS_STATE=${TRELLIS_STATE:-$root/.trellis}
export KUBECONFIG="$TRELLIS_STATE/kubeconfig"
operator_pid=""

log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }

# Builds what is missing, starts the control plane, installs CRDs and roles, starts the operator.
start_stack() {
  hack/control-plane/build.sh >/dev/null
  local jar=target/quarkus-app/quarkus-run.jar
  if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
    log "building the operator"
    ./mvnw -B -ntp -q package -DskipTests
  fi
  hack/cluster.sh up
  trap stop_stack INT TERM EXIT
  make --no-print-directory install KUBECONFIG="$KUBECONFIG" >/dev/null
  operator_kubeconfig
  log "starting the operator as ServiceAccount trellis-system/trellis-operator (log: $TRELLIS_STATE/operator.log)"
  KUBECONFIG="$TRELLIS_STATE/operator.kubeconfig" java -Dquarkus.http.port=0 -jar "$jar" \
    > "$TRELLIS_STATE/operator.log" 2>&1 &
  operator_pid=$!
}

# The operator runs as it does when installed: its ServiceAccount, bound to config/rbac/ only (not as admin).
operator_kubeconfig() {
  "$kubectl" create namespace trellis-system --dry-run=client -o yaml | "$kubectl" apply --server-side -f - >/dev/null
  "$kubectl" apply --server-side --force-conflicts -n trellis-system -k config/rbac >/dev/null
  local token
  token=$("$kubectl" create token trellis-operator -n trellis-system --duration=24h)
  cp "$KUBECONFIG" "$TRELLIS_STATE/operator.kubeconfig"
  KUBECONFIG="$TRELLIS_STATE/operator.kubeconfig" "$kubectl" config set-credentials trellis-operator \
    --token="$token" >/dev/null
  KUBECONFIG="$TRELLIS_STATE/operator.kubeconfig" "$kubectl" config set-context --current \
    --user=trellis-operator >/dev/null
}

stop_stack() {
  trap - INT TERM EXIT
  set +e
  log "stopping"
  if [ -n "$operator_pid" ]; then
    kill "$operator_pid" 2>/dev/null
    wait "$operator_pid" 2>/dev/null
  fi
  hack/cluster.sh down
}

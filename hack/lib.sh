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
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

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
  local port
  port=$(free_port)
  webhook_certificate
  log "starting the operator as ServiceAccount trellis-system/trellis-operator (log: $TRELLIS_STATE/operator.log)"
  KUBECONFIG="$TRELLIS_STATE/operator.kubeconfig" java -Dquarkus.http.port=0 -Dquarkus.http.ssl-port="$port" \
    -Dquarkus.tls.key-store.pem.0.cert="$TRELLIS_STATE/webhook/tls.crt" \
    -Dquarkus.tls.key-store.pem.0.key="$TRELLIS_STATE/webhook/tls.key" \
    -jar "$jar" > "$TRELLIS_STATE/operator.log" 2>&1 &
  operator_pid=$!
  register_webhook "$port"
}

# A self-signed certificate for 127.0.0.1, which the operator serves its admission webhook with.
webhook_certificate() {
  mkdir -p "$TRELLIS_STATE/webhook"
  [ -f "$TRELLIS_STATE/webhook/tls.crt" ] && return
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$TRELLIS_STATE/webhook/tls.key" -out "$TRELLIS_STATE/webhook/tls.crt" 2>/dev/null
}

# The registration of config/webhook/, pointed at the operator on this machine; waits until it is ready (its caches
# listed: before that the webhook refuses every write it decides).
register_webhook() {
  local ca
  ca=$(base64 -w0 < "$TRELLIS_STATE/webhook/tls.crt")
  sed -e "s|      service: {.*}|      url: https://127.0.0.1:$1/admission/iam|" \
      -e "s|      caBundle: .*|      caBundle: $ca|" config/webhook/trellis-iam-webhook.yaml \
    | "$kubectl" apply --server-side --force-conflicts -f - >/dev/null
  local i
  for i in $(seq 1 120); do
    curl -sfk -o /dev/null "https://127.0.0.1:$1/q/health/ready" && return # 200 once every cache is listed
    sleep 0.5
  done
  log "the operator's webhook did not answer on port $1; see $TRELLIS_STATE/operator.log"
  return 1
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

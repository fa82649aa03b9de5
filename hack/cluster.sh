#!/usr/bin/env bash
# The local control plane for `make run` and the demo: etcd, kube-apiserver (with the audit policy of
# config/audit/) and kube-controller-manager (garbage collector, namespace and role aggregation controllers), all real
# binaries from hack/control-plane/build.sh, on free loopback ports. State lives in .trellis/ (or $TRELLIS_STATE).
#   hack/cluster.sh up     start (idempotent), write .trellis/kubeconfig
#   hack/cluster.sh down   stop everything it started
#   hack/cluster.sh status say what is running
#   hack/cluster.sh restart etcd|kube-apiserver [seconds]   stop one, wait, start it again in place (fault tests)
# With NODE=1 the cluster also runs pods: kube-scheduler, the controllers pods need (deployments, replica sets,
# endpoints, service accounts, disruption budgets), the ServiceAccount admission plugin, an API server that pods
# reach through the `kubernetes` Service, and a node: kubelet, kube-proxy and containerd (hack/node/node.sh; root,
# and `make node-deps` once). The node's state lives in $TRELLIS_STATE/node/.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/hack/control-plane/versions.env"
cache=${TRELLIS_CACHE:-$HOME/.cache/trellis}
bin="$cache/k8s/${K8S_VERSION}-linux-amd64"
state=${TRELLIS_STATE:-$root/.trellis}
pki="$state/pki"
node=${NODE:-0}
log() { printf '[cluster] %s\n' "$*" >&2; }

running() { [ -f "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The address pods reach the API server at (NODE=1): this machine's address on its default route.
host_ip() { ip -4 route get 1.1.1.1 2>/dev/null | awk '{for (i = 1; i < NF; i++) if ($i == "src") print $(i + 1)}'; }

# client NAME SUBJECT: a client certificate signed by the local CA.
client() {
  [ -f "$pki/$1.crt" ] && return
  (cd "$pki" && openssl req -newkey rsa:2048 -nodes -subj "$2" -keyout "$1.key" -out "$1.csr" 2>/dev/null \
    && openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 -out "$1.crt" 2>/dev/null)
}

certificates() {
  mkdir -p "$pki"
  if [ ! -f "$pki/ca.crt" ]; then
    log "creating certificates in $pki"
    (
      cd "$pki"
      openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=trellis-local-ca" \
        -keyout ca.key -out ca.crt 2>/dev/null
      openssl genrsa -out sa.key 2048 2>/dev/null
      openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    )
  fi
  # The serving certificate also names the `kubernetes` Service's IP and this machine's address, where pods reach
  # the API server; it is made again when the machine's address changed.
  local sans="IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc"
  local ip; ip=$(host_ip)
  [ -n "$ip" ] && sans+=",IP:$ip"
  if [ ! -f "$pki/apiserver.crt" ] || [ "$(cat "$pki/apiserver.sans" 2>/dev/null)" != "$sans" ]; then
    (
      cd "$pki"
      openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" -keyout apiserver.key -out apiserver.csr 2>/dev/null
      printf 'subjectAltName=%s\n' "$sans" > apiserver.ext
      openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
        -extfile apiserver.ext -out apiserver.crt 2>/dev/null
      echo "$sans" > apiserver.sans
    )
  fi
  client admin "/O=system:masters/CN=trellis-admin"
  client kube-scheduler "/CN=system:kube-scheduler"
  client kube-proxy "/CN=system:kube-proxy"
  client kubelet "/O=system:nodes/CN=system:node:trellis-node"
}

# kubeconfig FILE USER: a kubeconfig for the local API server with USER's client certificate.
kubeconfig() {
  cat > "$1" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: trellis-local
    cluster:
      certificate-authority: $pki/ca.crt
      server: https://127.0.0.1:$(cat "$state/api.port")
users:
  - name: $2
    user:
      client-certificate: $pki/$2.crt
      client-key: $pki/$2.key
contexts:
  - name: trellis-local
    context: {cluster: trellis-local, user: $2}
current-context: trellis-local
EOF
}

# etcd and kube-apiserver start from the ports saved in $state, so that `restart` brings them back where clients
# (and each other) expect them.
start_etcd() {
  local etcd_port peer_port
  etcd_port=$(cat "$state/etcd.port"); peer_port=$(cat "$state/peer.port")
  log "starting etcd on 127.0.0.1:$etcd_port"
  nohup "$bin/etcd" --name trellis --data-dir "$state/etcd" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "trellis=http://127.0.0.1:$peer_port" \
    >> "$state/etcd.log" 2>&1 &
  echo $! > "$state/etcd.pid"
}

start_apiserver() {
  local etcd_port api_port
  etcd_port=$(cat "$state/etcd.port"); api_port=$(cat "$state/api.port")
  # Without a node the API server listens on loopback only and answers no pod; with one it listens on this
  # machine's address too, publishes it as the `kubernetes` Service's endpoint and mounts ServiceAccount tokens.
  local network=(--bind-address 127.0.0.1 --advertise-address 127.0.0.1 --endpoint-reconciler-type none
    --disable-admission-plugins ServiceAccount)
  if [ "$node" = 1 ]; then
    network=(--bind-address 0.0.0.0 --advertise-address "$(host_ip)"
      --kubelet-client-certificate "$pki/admin.crt" --kubelet-client-key "$pki/admin.key"
      --kubelet-preferred-address-types InternalIP)
  fi
  log "starting kube-apiserver $K8S_VERSION on https://127.0.0.1:$api_port (audit log: $state/audit.log)"
  nohup "$bin/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$etcd_port" \
    "${network[@]}" \
    --secure-port "$api_port" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" \
    --service-account-issuer https://kubernetes.default.svc \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range 10.0.0.0/24 \
    --authorization-mode RBAC \
    --audit-policy-file "$root/config/audit/policy.yaml" \
    --audit-log-path "$state/audit.log" --audit-log-format json \
    >> "$state/kube-apiserver.log" 2>&1 &
  echo $! > "$state/kube-apiserver.pid"
}

await_apiserver() {
  local deadline=$((SECONDS + 60))
  until "$bin/kubectl" --kubeconfig "$state/kubeconfig" get --raw /readyz >/dev/null 2>&1; do
    if [ $SECONDS -gt $deadline ] || ! running kube-apiserver; then
      log "kube-apiserver did not become ready; see $state/kube-apiserver.log"; tail -20 "$state/kube-apiserver.log" >&2
      down; exit 1
    fi
    sleep 0.5
  done
}

# stop COMPONENT: ends one process of the cluster (TERM, then KILL after 5 s).
stop() {
  local component=$1
  if running "$component"; then
    log "stopping $component"
    kill "$(cat "$state/$component.pid")" 2>/dev/null || true
    local pid; pid=$(cat "$state/$component.pid")
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$state/$component.pid"
}

# restart etcd|kube-apiserver [SECONDS]: stops it, waits SECONDS (default 0) and starts it again on the same ports
# with the same data, then waits until the API server is ready. For fault tests (hack/chaos/).
restart() {
  local component=${1:-} pause=${2:-0}
  case "$component" in etcd|kube-apiserver) ;; *) echo "usage: $0 restart etcd|kube-apiserver [seconds]" >&2; exit 2 ;; esac
  running "$component" || { log "$component is not running"; exit 1; }
  stop "$component"
  sleep "$pause"
  if [ "$component" = etcd ]; then start_etcd; else start_apiserver; fi
  await_apiserver
  log "$component restarted"
}

up() {
  [ -x "$bin/kube-apiserver" ] || { log "no binaries in $bin: run make control-plane"; exit 1; }
  mkdir -p "$state"
  if running kube-apiserver; then
    log "already running; KUBECONFIG=$state/kubeconfig"
    [ "$node" = 1 ] && node_up
    return
  fi
  certificates
  free_port > "$state/etcd.port"; free_port > "$state/peer.port"; free_port > "$state/api.port"
  start_etcd
  start_apiserver
  kubeconfig "$state/kubeconfig" admin

  await_apiserver

  local controllers=garbagecollector,namespace,clusterrole-aggregation
  local extra=()
  if [ "$node" = 1 ]; then
    controllers+=,deployment-controller,replicaset-controller,endpoints-controller,endpointslice-controller
    controllers+=,endpointslice-mirroring-controller,serviceaccount-controller,root-ca-certificate-publisher-controller
    controllers+=,disruption-controller,pod-garbage-collector-controller,job-controller,ttl-after-finished-controller
    controllers+=,node-lifecycle-controller
    extra=(--root-ca-file "$pki/ca.crt")
  fi
  log "starting kube-controller-manager ($controllers)"
  nohup "$bin/kube-controller-manager" --kubeconfig "$state/kubeconfig" \
    --controllers "$controllers" "${extra[@]}" --leader-elect=false --secure-port 0 \
    > "$state/kube-controller-manager.log" 2>&1 &
  echo $! > "$state/kube-controller-manager.pid"

  [ "$node" = 1 ] && node_up
  log "ready: export KUBECONFIG=$state/kubeconfig"
}

node_up() {
  kubeconfig "$state/kube-scheduler.kubeconfig" kube-scheduler
  kubeconfig "$state/kube-proxy.kubeconfig" kube-proxy
  kubeconfig "$state/kubelet.kubeconfig" kubelet
  if ! running kube-scheduler; then
    log "starting kube-scheduler"
    nohup "$bin/kube-scheduler" --kubeconfig "$state/kube-scheduler.kubeconfig" --leader-elect=false \
      --secure-port 0 > "$state/kube-scheduler.log" 2>&1 &
    echo $! > "$state/kube-scheduler.pid"
  fi
  # Nodes act with the system:node role (RBAC has no binding for it by default; there is no Node authorizer here).
  "$bin/kubectl" --kubeconfig "$state/kubeconfig" create clusterrolebinding trellis-local-nodes \
    --clusterrole system:node --group system:nodes --dry-run=client -o yaml \
    | "$bin/kubectl" --kubeconfig "$state/kubeconfig" apply --server-side -f - >/dev/null
  TRELLIS_STATE="$state" HOST_IP="$(host_ip)" "$root/hack/node/node.sh" up
}

down() {
  [ -x "$root/hack/node/node.sh" ] && [ -d "$state/node" ] && TRELLIS_STATE="$state" "$root/hack/node/node.sh" down
  for component in kube-scheduler kube-controller-manager kube-apiserver etcd; do
    stop "$component"
  done
}

status() {
  for component in etcd kube-apiserver kube-controller-manager kube-scheduler; do
    if running "$component"; then echo "$component: running"; else echo "$component: stopped"; fi
  done
  [ -d "$state/node" ] && TRELLIS_STATE="$state" "$root/hack/node/node.sh" status
  return 0
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  restart) restart "${2:-}" "${3:-0}" ;;
  status) status ;;
  *) echo "usage: $0 up|down|status|restart etcd|kube-apiserver [seconds]" >&2; exit 2 ;;
esac

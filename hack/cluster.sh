#!/usr/bin/env bash
# The local control plane for `make run` and the demo: etcd, kube-apiserver (with the audit policy of
# config/audit/) and kube-controller-manager (garbage collector, namespace and role aggregation controllers), all real
# binaries from hack/control-plane/build.sh, on free loopback ports. State lives in .trellis/ (or $TRELLIS_STATE).
#   hack/cluster.sh up     start (idempotent), write .trellis/kubeconfig
#   hack/cluster.sh down   stop everything it started
#   hack/cluster.sh status say what is running
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/hack/control-plane/versions.env"
cache=${TRELLIS_CACHE:-$HOME/.cache/trellis}
bin="$cache/k8s/${K8S_VERSION}-linux-amd64"
state=${TRELLIS_STATE:-$root/.trellis}
pki="$state/pki"
log() { printf '[cluster] %s\n' "$*" >&2; }

running() { [ -f "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

certificates() {
  [ -f "$pki/admin.crt" ] && return
  mkdir -p "$pki"
  log "creating certificates in $pki"
  (
    cd "$pki"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=trellis-local-ca" \
      -keyout ca.key -out ca.crt 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" -keyout apiserver.key -out apiserver.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default.svc\n' > apiserver.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile apiserver.ext -out apiserver.crt 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/O=system:masters/CN=trellis-admin" \
      -keyout admin.key -out admin.csr 2>/dev/null
    openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 -out admin.crt 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
  )
}

up() {
  [ -x "$bin/kube-apiserver" ] || { log "no binaries in $bin: run make control-plane"; exit 1; }
  mkdir -p "$state"
  if running kube-apiserver; then
    log "already running; KUBECONFIG=$state/kubeconfig"
    return
  fi
  certificates
  local etcd_port peer_port api_port
  etcd_port=$(free_port); peer_port=$(free_port); api_port=$(free_port)

  log "starting etcd on 127.0.0.1:$etcd_port"
  nohup "$bin/etcd" --name trellis --data-dir "$state/etcd" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "trellis=http://127.0.0.1:$peer_port" \
    > "$state/etcd.log" 2>&1 &
  echo $! > "$state/etcd.pid"

  log "starting kube-apiserver $K8S_VERSION on https://127.0.0.1:$api_port (audit log: $state/audit.log)"
  nohup "$bin/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$etcd_port" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --endpoint-reconciler-type none \
    --secure-port "$api_port" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" \
    --service-account-issuer https://kubernetes.default.svc \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range 10.0.0.0/24 \
    --authorization-mode RBAC \
    --disable-admission-plugins ServiceAccount \
    --audit-policy-file "$root/config/audit/policy.yaml" \
    --audit-log-path "$state/audit.log" --audit-log-format json \
    > "$state/kube-apiserver.log" 2>&1 &
  echo $! > "$state/kube-apiserver.pid"

  cat > "$state/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: trellis-local
    cluster:
      certificate-authority: $pki/ca.crt
      server: https://127.0.0.1:$api_port
users:
  - name: trellis-admin
    user:
      client-certificate: $pki/admin.crt
      client-key: $pki/admin.key
contexts:
  - name: trellis-local
    context: {cluster: trellis-local, user: trellis-admin}
current-context: trellis-local
EOF

  local deadline=$((SECONDS + 60))
  until "$bin/kubectl" --kubeconfig "$state/kubeconfig" get --raw /readyz >/dev/null 2>&1; do
    if [ $SECONDS -gt $deadline ] || ! running kube-apiserver; then
      log "kube-apiserver did not become ready; see $state/kube-apiserver.log"; tail -20 "$state/kube-apiserver.log" >&2
      down; exit 1
    fi
    sleep 0.5
  done

  log "starting kube-controller-manager (garbage collector, namespace, cluster role aggregation)"
  nohup "$bin/kube-controller-manager" --kubeconfig "$state/kubeconfig" \
    --controllers garbagecollector,namespace,clusterrole-aggregation --leader-elect=false --secure-port 0 \
    > "$state/kube-controller-manager.log" 2>&1 &
  echo $! > "$state/kube-controller-manager.pid"

  log "ready: export KUBECONFIG=$state/kubeconfig"
}

down() {
  for component in kube-controller-manager kube-apiserver etcd; do
    if running "$component"; then
      log "stopping $component"
      kill "$(cat "$state/$component.pid")" 2>/dev/null || true
      local pid; pid=$(cat "$state/$component.pid")
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$state/$component.pid"
  done
}

status() {
  for component in etcd kube-apiserver kube-controller-manager; do
    if running "$component"; then echo "$component: running"; else echo "$component: stopped"; fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac

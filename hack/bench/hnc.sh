#!/usr/bin/env bash
# The Hierarchical Namespace Controller (HNC) on the 50-organization tree that docs/benchmarks.md compares Trellis
# with ("Against the Hierarchical Namespace Controller"), on this machine: peak RSS (VmHWM), CPU seconds and time to
# converge, cold and after one restart.
#   hack/bench/hnc.sh [run]   build HNC once (cached), start a fresh control plane of its own, build the tree,
#                             run HNC, print the figures (a JSON line per phase, then a table)
#   hack/bench/hnc.sh down    stop HNC and the control plane this script started
# HNC is built from its module source (sigs.k8s.io/hierarchical-namespaces@$HNC_VERSION, through the Go module
# proxy) into ~/.cache/trellis/hnc/ and run out of cluster with its kubeconfig and the flags of its own deployment
# (config/manager/manager.yaml) less the webhook and certificate ones: --no-webhooks, as HNC's nowebhooks variant
# runs it. The control plane is hack/cluster.sh's with its state in ~/.cache/trellis/hnc/cluster (its own ports),
# its etcd data wiped at each run so that every run starts from an empty cluster.
#   HNC_VERSION=v1.1.0  HNC_SEED=7  HNC_ORGS=50  HNC_TIMEOUT=1200 (seconds, per phase)
#   HNC_EXTRA_FLAGS='--apiserver-qps-throttle=200'   appended to HNC's flags
#   HNC_KEEP=1   leave the control plane (with the converged tree) running afterwards; `down` stops it
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$root/hack/control-plane/versions.env"
cache=${TRELLIS_CACHE:-$HOME/.cache/trellis}
kubectl="$cache/k8s/${K8S_VERSION}-linux-amd64/kubectl"
version=${HNC_VERSION:-v1.1.0}
module=sigs.k8s.io/hierarchical-namespaces
home="$cache/hnc"
manager="$home/hnc-manager-$version"
export TRELLIS_STATE="$home/cluster"
export KUBECONFIG="$TRELLIS_STATE/kubeconfig"
work="$home/run"
log() { printf '[hnc] %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# The manager binary, built once from the module's source at $version. The module zip has no vendor/ (only
# vendor/modules.txt), so the build resolves HNC's pinned dependencies through the module proxy (-mod=mod).
install_hnc() {
  [ -x "$manager" ] && return
  mkdir -p "$home"
  log "building $module@$version (once; about 3 minutes on 2 cores)"
  local dir src="$home/src-$version"
  dir=$(cd "$home" && go mod download -json "$module@$version" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  rm -rf "$src"
  cp -r "$dir" "$src"
  chmod -R u+w "$src"
  rm -rf "$src/vendor"
  (cd "$src" && GOFLAGS="-mod=mod -buildvcs=false" go build -trimpath -o "$manager.tmp" ./cmd/manager)
  mv "$manager.tmp" "$manager"
}

crds() { echo "$home/src-$version/config/crd/bases"; }

hnc_running() { [ -f "$TRELLIS_STATE/hnc.pid" ] && kill -0 "$(cat "$TRELLIS_STATE/hnc.pid")" 2>/dev/null; }

stop_hnc() {
  hnc_running || { rm -f "$TRELLIS_STATE/hnc.pid"; return 0; }
  local pid; pid=$(cat "$TRELLIS_STATE/hnc.pid")
  kill "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$TRELLIS_STATE/hnc.pid"
}

down() {
  stop_hnc
  "$root/hack/cluster.sh" down
}

# HNC's deployment flags (config/manager/manager.yaml: max-reconciles 10, QPS 50, the excluded namespaces and the
# Rancher no-propagation label) with --no-webhooks instead of the webhook server and its certificates, metrics and
# probes on loopback ports of their own, and Stackdriver export off (it would look for Google credentials).
flags=()
set_flags() {
  flags=(--no-webhooks --enable-stackdriver=false
    --metrics-addr "127.0.0.1:$metrics_port" --health-probe-bind-address "127.0.0.1:$(free_port)"
    --webhook-server-port "$(free_port)"
    --max-reconciles=10 --apiserver-qps-throttle=50
    --excluded-namespace=kube-system --excluded-namespace=kube-public --excluded-namespace=hnc-system
    --excluded-namespace=kube-node-lease --nopropagation-label=cattle.io/creator=norman)
  # shellcheck disable=SC2206
  flags+=(${HNC_EXTRA_FLAGS:-})
}

# phase NAME: starts HNC, watches it until the tree has converged and HNC is idle, prints the figures as one JSON
# line (also kept in $work/NAME.json).
phase() {
  local name=$1 start
  metrics_port=$(free_port)
  set_flags
  log "$name: starting HNC (log: $work/hnc-$name.log)"
  start=$(date +%s.%N)
  "$manager" "${flags[@]}" > "$work/hnc-$name.log" 2>&1 &
  echo $! > "$TRELLIS_STATE/hnc.pid"
  local pki="$TRELLIS_STATE/pki" status=0
  python3 "$root/hack/bench/hnc_watch.py" --pid "$(cat "$TRELLIS_STATE/hnc.pid")" --start "$start" \
    --apiserver-pid "$(cat "$TRELLIS_STATE/kube-apiserver.pid")" \
    --server "https://127.0.0.1:$(cat "$TRELLIS_STATE/api.port")" \
    --ca "$pki/ca.crt" --cert "$pki/admin.crt" --key "$pki/admin.key" \
    --metrics "http://127.0.0.1:$metrics_port/metrics" --expected "$expected" \
    --timeout "${HNC_TIMEOUT:-1200}" > "$work/$name.json" || status=$?
  echo "$name $(cat "$work/$name.json")"
  if [ "$status" != 0 ]; then
    log "$name did not converge; the last lines of HNC's log:"; tail -20 "$work/hnc-$name.log" >&2
    exit 1
  fi
}

run() {
  install_hnc
  stop_hnc
  # A fresh, empty cluster each run: the cold figures need a tree that HNC has never seen.
  "$root/hack/cluster.sh" down
  rm -rf "$TRELLIS_STATE/etcd"
  "$root/hack/cluster.sh" up
  if [ "${HNC_KEEP:-0}" = 1 ]; then trap stop_hnc EXIT; else trap down EXIT; fi

  rm -rf "$work"; mkdir -p "$work"
  log "applying HNC's CRDs from $(crds)"
  "$kubectl" apply --server-side -f "$(crds)" >/dev/null
  "$kubectl" wait --for condition=established --timeout=60s -f "$(crds)" >/dev/null

  python3 "$root/hack/bench/hnc_tree.py" "$work/tree" --seed "${HNC_SEED:-7}" --organizations "${HNC_ORGS:-50}" > "$work/tree.json"
  expected=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["expected_copies"])' < "$work/tree.json")
  log "creating the tree (HNC not running): $(cat "$work/tree.json")"
  local kind
  for kind in namespaces hierarchy rolebindings; do
    # 4 kubectl processes at once, each creating its quarter in order.
    printf '%s\n' "$work/tree/$kind"-*.yaml | xargs -P 4 -I{} "$kubectl" create -f {} -o name > /dev/null
  done

  echo "HNC $version ($manager)"
  metrics_port=PORT; set_flags
  echo "flags (ports free ones, chosen per phase): ${flags[*]}" | sed -E 's/127\.0\.0\.1:[0-9]+/127.0.0.1:PORT/g; s/(--webhook-server-port) [0-9]+/\1 PORT/'
  echo "KUBECONFIG=$KUBECONFIG (kube-apiserver $K8S_VERSION, user system:masters)"
  echo "tree $(cat "$work/tree.json")"
  phase cold
  stop_hnc
  phase restart
  stop_hnc
  python3 - "$work" <<'EOF'
import json, sys
w = sys.argv[1]
tree = json.load(open(f"{w}/tree.json"))
print()
print(f"| HNC phase | peak RSS (VmHWM) | RSS at end | CPU s | copies | copies as expected at | idle at | API writes | kube-apiserver CPU s | load avg |")
print("|---|---|---|---|---|---|---|---|---|---|")
for name in ["cold", "restart"]:
    r = json.load(open(f"{w}/{name}.json"))
    print(f"| {name} | {r['peak_rss_mib']} MiB | {r['rss_mib']} MiB | {r['cpu_s']} | {r['copies']} / {r['expected']} "
          f"| {r.get('copies_s', '-')} s | {r.get('idle_s', '-')} s | {sum(r['writes'].values())} "
          f"| {r.get('apiserver_cpu_s', '-')} | {r['loadavg']} |")
print()
print("API writes by verb and resource (all clients; HNC is the only writer while it runs):")
for name in ["cold", "restart"]:
    print(f"  {name}: {json.load(open(f'{w}/{name}.json'))['writes']}")
EOF
}

case "${1:-run}" in
  run) run ;;
  down) down ;;
  *) echo "usage: $0 [run|down]" >&2; exit 2 ;;
esac

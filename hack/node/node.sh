#!/usr/bin/env bash
# A real node for the local cluster (hack/cluster.sh with NODE=1 calls it): containerd and runc, the CNI plugins
# (from Debian's packages: `make node-deps`), and kubelet and kube-proxy built from the same Kubernetes release as the
# API server (hack/control-plane/build.sh). Pod network: a bridge (trellis0, 10.244.0.0/24) with host-local IPAM;
# Services: kube-proxy in iptables mode. The pod sandbox image is built here from hack/node/pause.c, and images reach
# containerd by `ctr images import`, so no registry is needed. Root only; state in $TRELLIS_STATE/node/.
#   node.sh up | down | status | import IMAGE.tar | connector-image
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$root/hack/control-plane/versions.env"
cache=${TRELLIS_CACHE:-$HOME/.cache/trellis}
bin="$cache/k8s/${K8S_VERSION}-linux-amd64"
state=${TRELLIS_STATE:-$root/.trellis}
dir="$state/node"
pki="$state/pki"
# containerd's socket path must stay short (unix sockets: 108 bytes); its runtime state wants a tmpfs-like place.
run=/run/trellis-node
sock="$run/containerd.sock"
pause_image=trellis.local/pause:3.10
pod_cidr=10.244.0.0/24
log() { printf '[node] %s\n' "$*" >&2; }

running() { [ -f "$dir/$1.pid" ] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

ctr_() { ctr --address "$sock" -n k8s.io "$@"; }

requirements() {
  [ "$(id -u)" = 0 ] || { log "a node needs root (containerd, kubelet and kube-proxy manage namespaces and iptables)"; exit 1; }
  local missing=()
  for tool in containerd runc ctr iptables conntrack gcc; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ -x /usr/lib/cni/bridge ] || missing+=(containernetworking-plugins)
  [ ${#missing[@]} -eq 0 ] || { log "missing ${missing[*]}: run make node-deps"; exit 1; }
  for b in kubelet kube-proxy; do
    [ -x "$bin/$b" ] || { log "no $bin/$b: run make control-plane"; exit 1; }
  done
}

# The sandbox ("pause") image: a static binary in an image of one layer, made by hack/image/oci.py.
pause_image() {
  local out="$cache/images/pause.tar"
  if [ ! -f "$out" ] || [ "$root/hack/node/pause.c" -nt "$out" ]; then
    local work; work=$(mktemp -d)
    mkdir -p "$work/fs" "$(dirname "$out")"
    gcc -O2 -static -o "$work/fs/pause" "$root/hack/node/pause.c"
    echo '{"Entrypoint":["/pause"],"User":"65535:65535"}' > "$work/config.json"
    python3 "$root/hack/image/oci.py" build --base scratch --layer "$work/fs" --config "$work/config.json" \
      --name "$pause_image" --out "$out" >/dev/null
    rm -rf "$work"
  fi
  ctr_ images import "$out" >/dev/null
}

# true when this host refuses a negative oom_score_adj to root.
oom_restricted() {
  if (echo -1 > /proc/self/oom_score_adj) 2>/dev/null; then echo false; else echo true; fi
}

containerd_up() {
  running containerd && return
  mkdir -p "$dir/containerd" "$dir/cni" "$run"
  cat > "$dir/containerd/config.toml" <<EOF
version = 2
root = "$dir/containerd/root"
state = "$run/state"
[grpc]
  address = "$sock"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$pause_image"
  # Some hosts (these machines' VMs among them) forbid even root to lower a process's OOM score below its own:
  # clamp the kubelet's -998/-997 to containerd's own score instead of failing every pod.
  restrict_oom_score_adj = $(oom_restricted)
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$dir/cni"
  [plugins."io.containerd.grpc.v1.cri".containerd]
    default_runtime_name = "runc"
  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
    runtime_type = "io.containerd.runc.v2"
  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
    SystemdCgroup = false
EOF
  cat > "$dir/cni/10-trellis.conflist" <<EOF
{"cniVersion": "1.0.0", "name": "trellis", "plugins": [
  {"type": "bridge", "bridge": "trellis0", "isGateway": true, "ipMasq": true, "hairpinMode": true,
   "ipam": {"type": "host-local", "ranges": [[{"subnet": "$pod_cidr"}]], "routes": [{"dst": "0.0.0.0/0"}],
            "dataDir": "$dir/cni/ipam"}},
  {"type": "portmap", "capabilities": {"portMappings": true}}]}
EOF
  log "starting containerd $(containerd --version | awk '{print $3}') (socket $sock)"
  nohup containerd --config "$dir/containerd/config.toml" > "$dir/containerd.log" 2>&1 &
  echo $! > "$dir/containerd.pid"
  local i
  for i in $(seq 1 100); do ctr --address "$sock" version >/dev/null 2>&1 && break; sleep 0.2; done
  ctr --address "$sock" version >/dev/null || { log "containerd did not start; see $dir/containerd.log"; exit 1; }
}

kernel() {
  # Pods reach Services and the world through the bridge; kube-proxy's rules must see bridged traffic.
  modprobe br_netfilter 2>/dev/null || true
  sysctl -qw net.ipv4.ip_forward=1
  sysctl -qw net.bridge.bridge-nf-call-iptables=1 2>/dev/null || true
}

kubelet_up() {
  running kubelet && return
  mkdir -p "$dir/kubelet"
  # cgroup v1 hosts (these machines): since Kubernetes 1.35 the kubelet refuses them unless failCgroupV1 is false.
  cat > "$dir/kubelet/config.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
failCgroupV1: false
cgroupDriver: cgroupfs
containerRuntimeEndpoint: unix://$sock
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: false}
  x509: {clientCAFile: $pki/ca.crt}
authorization: {mode: AlwaysAllow}
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
failSwapOn: false
resolvConf: /etc/resolv.conf
podCIDR: $pod_cidr
serializeImagePulls: false
# Imported images cannot be pulled again: never collect them, never evict for a full disk on a shared machine.
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: 100Mi, nodefs.available: 1%, imagefs.available: 1%}
EOF
  log "starting kubelet $K8S_VERSION (node trellis-node, $HOST_IP)"
  nohup "$bin/kubelet" --config "$dir/kubelet/config.yaml" --kubeconfig "$state/kubelet.kubeconfig" \
    --root-dir "$dir/kubelet/root" --cert-dir "$dir/kubelet/pki" \
    --hostname-override trellis-node --node-ip "$HOST_IP" \
    > "$dir/kubelet.log" 2>&1 &
  echo $! > "$dir/kubelet.pid"
}

kube_proxy_up() {
  running kube-proxy && return
  cat > "$dir/kube-proxy.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: iptables
clusterCIDR: 10.244.0.0/16
hostnameOverride: trellis-node
clientConnection: {kubeconfig: $state/kube-proxy.kubeconfig}
metricsBindAddress: 127.0.0.1:$(free_port)
healthzBindAddress: 127.0.0.1:$(free_port)
conntrack: {maxPerCore: 0}
EOF
  log "starting kube-proxy $K8S_VERSION (iptables)"
  nohup "$bin/kube-proxy" --config "$dir/kube-proxy.yaml" > "$dir/kube-proxy.log" 2>&1 &
  echo $! > "$dir/kube-proxy.pid"
}

up() {
  requirements
  mkdir -p "$dir"
  kernel
  containerd_up
  pause_image
  kubelet_up
  kube_proxy_up
  local kubectl=("$bin/kubectl" --kubeconfig "$state/kubeconfig") deadline=$((SECONDS + 120))
  until [ "$("${kubectl[@]}" get node trellis-node -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" = True ]; do
    if [ $SECONDS -gt $deadline ] || ! running kubelet; then
      log "the node did not become Ready; see $dir/kubelet.log"; tail -20 "$dir/kubelet.log" >&2; exit 1
    fi
    sleep 1
  done
  for component in containerd kubelet kube-proxy; do
    running "$component" || { log "$component stopped; see $dir/$component.log"; tail -5 "$dir/$component.log" >&2; exit 1; }
  done
  log "node trellis-node Ready"
}

# Stops what up started; also the pods' containers, so that nothing of the node outlives it.
down() {
  for component in kube-proxy kubelet; do stop "$component"; done
  if running containerd; then
    local tasks
    tasks=$(ctr_ tasks ls -q 2>/dev/null || true)
    for t in $tasks; do ctr_ tasks kill -s SIGKILL "$t" >/dev/null 2>&1 || true; done
    for t in $tasks; do
      for _ in $(seq 1 20); do ctr_ tasks ls -q 2>/dev/null | grep -qx "$t" || break; ctr_ tasks rm -f "$t" >/dev/null 2>&1 || sleep 0.1; done
    done
  fi
  stop containerd
  # Pod sandboxes' shims outlive containerd; their mounts and network namespaces go with them.
  pkill -f "containerd-shim-runc-v2 -namespace k8s.io -address $sock" 2>/dev/null || true
  umount -R "$run" 2>/dev/null || true
  grep -o " $dir/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  ip link delete trellis0 2>/dev/null || true
}

stop() {
  if running "$1"; then
    log "stopping $1"
    local pid; pid=$(cat "$dir/$1.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/$1.pid"
}

status() {
  for component in containerd kubelet kube-proxy; do
    if running "$component"; then echo "$component: running"; else echo "$component: stopped"; fi
  done
}

# A busybox image from Debian's busybox-static, for connector stand-ins and in-cluster checks; prints its name.
connector_image() {
  local name=trellis.local/busybox:debian out="$cache/images/busybox.tar"
  if [ ! -f "$out" ]; then
    local work; work=$(mktemp -d)
    (cd "$work" && apt-get download busybox-static >/dev/null 2>&1) || { log "apt-get download busybox-static failed"; exit 1; }
    dpkg-deb -x "$work"/busybox-static_*.deb "$work/deb"
    mkdir -p "$work/fs/bin" "$(dirname "$out")"
    cp "$work/deb/bin/busybox" "$work/fs/bin/busybox"
    for applet in sh cat sleep wget echo ls grep; do ln -s busybox "$work/fs/bin/$applet"; done
    echo '{"Env": ["PATH=/bin"], "Cmd": ["sh"]}' > "$work/config.json"
    python3 "$root/hack/image/oci.py" build --base scratch --layer "$work/fs" --config "$work/config.json" \
      --name "$name" --out "$out" >/dev/null
    rm -rf "$work"
  fi
  ctr_ images import "$out" >/dev/null
  echo "$name"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  import) ctr_ images import "$2" ;;
  connector-image) connector_image ;;
  *) echo "usage: $0 up|down|status|import IMAGE.tar|connector-image" >&2; exit 2 ;;
esac

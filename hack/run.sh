#!/usr/bin/env bash
# `make run`: everything on this machine, no cluster needed. Builds what is missing, starts the local
# control plane, installs the CRDs and roles, runs the operator, applies config/samples/ and waits.
# Ctrl-C stops the operator and the control plane.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source hack/control-plane/versions.env
cache=${TRELLIS_CACHE:-$HOME/.cache/trellis}
kubectl="$cache/k8s/${K8S_VERSION}-linux-amd64/kubectl"
export KUBECONFIG="$root/.trellis/kubeconfig"
log() { printf '[run] %s\n' "$*" >&2; }

hack/control-plane/build.sh >/dev/null
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  log "building the operator"
  ./mvnw -B -ntp -q package -DskipTests
fi

hack/cluster.sh up
operator_pid=""
stop() {
  trap - INT TERM EXIT
  set +e
  log "stopping"
  if [ -n "$operator_pid" ]; then
    kill "$operator_pid" 2>/dev/null
    wait "$operator_pid" 2>/dev/null
  fi
  hack/cluster.sh down
}
trap stop INT TERM EXIT

make --no-print-directory install KUBECONFIG="$KUBECONFIG"

log "starting the operator (log: .trellis/operator.log)"
java -Dquarkus.http.port=0 -jar "$jar" > .trellis/operator.log 2>&1 &
operator_pid=$!

log "applying config/samples/"
# Organizations first: Trellis creates the namespaces that the other samples live in.
"$kubectl" apply --server-side -f config/samples/organizations.yaml >&2
"$kubectl" wait --for=condition=Ready --timeout=60s organization --all >&2
"$kubectl" apply --server-side -f config/samples/ >&2

cat <<EOF

Trellis is running against the local control plane. In another shell:

  export KUBECONFIG=$KUBECONFIG
  alias kubectl=$kubectl
  kubectl get trellis -A
  kubectl get org -o wide
  kubectl describe org mrpaints

Operator log: .trellis/operator.log. Press Ctrl-C to stop everything.
EOF
wait "$operator_pid"

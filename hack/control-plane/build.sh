#!/usr/bin/env bash
# Builds a real Kubernetes control plane from the Go module proxy: kube-apiserver, kube-controller-manager,
# kubectl, and for the local node kube-scheduler, kubelet and kube-proxy (k8s.io/kubernetes at the release pinned in
# go.mod), etcd (go.etcd.io/etcd/server/v3 at the release k8s.io/kubernetes pins), helm, promql-check
# (hack/tools/promql) and lua-health (hack/tools/luahealth). Installs them where fabric8 kube-api-test looks in
# offline mode: $TRELLIS_CACHE/k8s/<version>-linux-amd64/. Skips binaries that are already there with the expected version.
# A cold build takes 15-30 minutes on 2 cores; a warm one takes seconds.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"

cache=${TRELLIS_CACHE:-$HOME/.cache/trellis}
out="$cache/k8s/${K8S_VERSION}-linux-amd64"
mkdir -p "$out"

export GOTOOLCHAIN=local GOFLAGS=-buildvcs=false CGO_ENABLED=0
k8s_minor=$(echo "$K8S_VERSION" | cut -d. -f2)
version_flags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_flags+=" -X $pkg.gitVersion=v${K8S_VERSION} -X $pkg.gitMajor=1 -X $pkg.gitMinor=${k8s_minor}"
  version_flags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done

log() { printf '[control-plane] %s\n' "$*" >&2; }

# have NAME EXPECTED: the binary exists and its --version output contains EXPECTED.
have() {
  local bin="$out/$1" args=(--version)
  [ "$1" = helm ] && args=(version --short)
  [ "$1" = kubectl ] && args=(version --client)
  [ -x "$bin" ] || return 1
  # Read the whole output before matching: `| grep -q` stops reading at the first match, and under pipefail
  # the binary's SIGPIPE on its next line (kubectl prints two) failed the check at random.
  local said
  said=$(env -u KUBECONFIG "$bin" "${args[@]}" 2>&1) || return 1
  [[ $said == *"$2"* ]]
}

build() {
  local name=$1 expected=$2; shift 2
  if have "$name" "$expected"; then
    log "$name $expected: already in $out"
    return
  fi
  log "building $name $expected (cold: several minutes on 2 cores) ..."
  local start=$SECONDS
  "$@"
  have "$name" "$expected" || { log "$name built but --version does not say $expected"; exit 1; }
  log "$name $expected: built in $((SECONDS - start)) s"
}

cd "$here"
for cmd in kube-apiserver kube-controller-manager kubectl kube-scheduler kubelet kube-proxy; do
  build "$cmd" "v${K8S_VERSION}" \
    go build -trimpath -ldflags "-s -w${version_flags}" -o "$out/$cmd" "k8s.io/kubernetes/cmd/$cmd"
done
build etcd "$ETCD_VERSION" go build -trimpath -ldflags "-s -w" -o "$out/etcd" ./etcd
# helm has its own module graph (and no replace directives), so `go install` builds it as published.
build helm "v${HELM_VERSION}" \
  env GOBIN="$out" GOFLAGS=-buildvcs=false go install -trimpath \
    -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=v${HELM_VERSION}" \
    "helm.sh/helm/v3/cmd/helm@v${HELM_VERSION}"
# Prometheus' PromQL parser, for the tests of the chart's alerts and dashboard (hack/tools/promql).
build promql-check "prometheus v0.316.0" \
  env GOFLAGS=-buildvcs=false go -C "$here/../tools/promql" build -trimpath -ldflags "-s -w" -o "$out/promql-check" .
# Argo CD's Lua engine, for the tests of the Argo CD health checks (hack/tools/luahealth).
build lua-health "gopher-lua v1.1.2" \
  env GOFLAGS=-buildvcs=false go -C "$here/../tools/luahealth" build -trimpath -ldflags "-s -w" -o "$out/lua-health" .

log "control plane ready in $out"
echo "$out"

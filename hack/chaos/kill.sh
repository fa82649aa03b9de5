#!/usr/bin/env bash
# `make chaos-kill`: faults during a cold convergence of the benchmark's scenario (the operator killed at random
# points, kube-apiserver and etcd restarted), then the leader of two replicas killed or stopped during a stream of
# changes; every write of every grants document judged as it happens (src/test/java/dev/trellis/bench/ChaosKillRun).
# A fresh local control plane (state in .trellis-chaos-kill/), the operator jar in processes of its own under its
# ServiceAccount.
#   PRESET=smoke|medium|large (default medium), ORGS=n to take n organizations of the preset,
#   KILLS=20, RESTARTS=2, CHANGES=30, HANDOVERS=6, SEED=7; CHAOS_SUMMARY=file appends make chaos's summary row there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export TRELLIS_STATE=${TRELLIS_STATE:-$(pwd)/.trellis-chaos-kill}
source hack/lib.sh
source hack/chaos/lib.sh

fresh_cluster
trap 'hack/cluster.sh down >/dev/null 2>&1' EXIT
args=(-Dtrellis.bench.preset="${PRESET:-medium}" -Dtrellis.chaos.kills="${KILLS:-20}"
  -Dtrellis.chaos.restarts="${RESTARTS:-2}" -Dtrellis.chaos.changes="${CHANGES:-30}"
  -Dtrellis.chaos.handovers="${HANDOVERS:-6}" -Dtrellis.chaos.seed="${SEED:-7}"
  -Dtrellis.chaos.kubeconfig="$KUBECONFIG" -Dtrellis.chaos.operator-kubeconfig="$TRELLIS_STATE/operator.kubeconfig"
  -Dtrellis.chaos.restart="$(pwd)/hack/cluster.sh restart")
[ -n "${ORGS:-}" ] && args+=(-Dtrellis.bench.organizations="$ORGS")
[ -n "${CHAOS_SUMMARY:-}" ] && args+=(-Dtrellis.chaos.summary="$(realpath -m "$CHAOS_SUMMARY")")
log "faults during convergence and leader hand-overs: ${args[*]}"
./mvnw -B -ntp test -Dtest=ChaosKillRun -Dsurefire.failIfNoSpecifiedTests=false "${args[@]}" \
  | grep -v -E '^\[(INFO|WARNING)\]' || status=$?
exit "${status:-0}"

#!/usr/bin/env bash
# `make run`: everything on this machine, no cluster needed. Builds what is missing, starts the local
# control plane, installs the CRDs and roles, runs the operator, applies config/samples/ and waits.
# Ctrl-C stops the operator and the control plane.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source hack/lib.sh

start_stack

log "applying config/samples/"
KUBECTL="$kubectl" hack/apply-samples.sh >&2

cat <<EOT

Trellis is running against the local control plane. In another shell:

  export KUBECONFIG=$KUBECONFIG
  alias kubectl=$kubectl
  kubectl get trellis -A
  kubectl get org -o wide
  kubectl get configmap conn-eu-grants -n org-mrpaints -o jsonpath='{.data.grants\.json}'

Operator log: $TRELLIS_STATE/operator.log. Press Ctrl-C to stop everything.
EOT
wait "$operator_pid"

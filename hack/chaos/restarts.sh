#!/usr/bin/env bash
# `make chaos-restart`: kube-apiserver, then etcd, restarted while the operator reconciles a stream of changes.
# A fresh local control plane (state in .trellis-chaos-restart/), the operator under its ServiceAccount, an
# organization with one connector and MEMBERS members (default 30). For each fault: a stream of role bindings (one
# member more every 0.25 s, as an administrator; a write refused while the API server is down is tried again),
# the component stopped for DOWN seconds (default 5) and started again in place. The operator must stay up and its
# grants document must end naming exactly the members whose binding the API server holds. Prints a table: the fault,
# how long the API server did not answer, the changes made during the run, the time from the API server back (and
# from the last change) to the document right, wrong and missing entries at the end (must be 0).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export TRELLIS_STATE=${TRELLIS_STATE:-$(pwd)/.trellis-chaos-restart}
source hack/lib.sh
source hack/chaos/lib.sh
members=${MEMBERS:-30}
down_for=${DOWN:-5}

fresh_cluster
cleanup() {
  set +e
  [ -n "$operator_pid" ] && kill "$operator_pid" 2>/dev/null && wait "$operator_pid" 2>/dev/null
  [ -n "${stream_pid:-}" ] && kill "$stream_pid" 2>/dev/null
  hack/cluster.sh down
}
trap cleanup EXIT
start_operator operator.log
await_ready 120

"$kubectl" apply --server-side -f - >/dev/null <<'YAML'
apiVersion: iam.trellis.dev/v1alpha1
kind: Organization
metadata: {name: steady}
spec: {displayName: Steady}
YAML
deadline=$((SECONDS + 60))
until "$kubectl" get namespace org-steady >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || fail "organization steady got no namespace"; sleep 0.5
done
{
  printf '%s\n' "apiVersion: iam.trellis.dev/v1alpha1" "kind: Project" "metadata: {name: p}" "spec: {}" "---"
  printf '%s\n' "apiVersion: iam.trellis.dev/v1alpha1" "kind: Connector" "metadata: {name: c}" "spec: {projects: [p]}"
  printf '%s\n' "---" "apiVersion: iam.trellis.dev/v1alpha1" "kind: ManagedResource" "metadata: {name: r}"
  printf '%s\n' "spec: {type: Server, connector: c, projects: [p]}"
  for i in $(seq 1 "$members"); do
    printf '%s\n' "---" "apiVersion: iam.trellis.dev/v1alpha1" "kind: Member" "metadata: {name: m$i}"
    printf '%s\n' "spec: {type: User, email: m$i@steady.example}"
  done
} | "$kubectl" apply --server-side -n org-steady -f - >/dev/null
document() { "$kubectl" -n org-steady get configmap c-grants -o jsonpath='{.data.grants\.json}' 2>/dev/null; }
deadline=$((SECONDS + 60))
until document | grep -q '"revision"'; do
  [ $SECONDS -lt $deadline ] || fail "connector c got no grants document"; sleep 0.5
done

# The members the document names, and those whose binding the API server holds: one per line, sorted.
named() { document | grep -o 'm[0-9]*@steady\.example' | sort -u; }
bound() {
  "$kubectl" -n org-steady get rolebindings.iam.trellis.dev -o jsonpath='{range .items[*]}{.spec.subject.name}{"\n"}{end}' \
    | sed 's/$/@steady.example/' | sort -u
}

rows=()
for fault in kube-apiserver etcd; do
  # A stream of changes: binding b-<fault>-<i> for member m<i>, one every 0.25 s; a write the API server refuses while
  # it is down is tried again (as a GitOps tool would), so the stream goes on through the outage and after it.
  (
    for i in $(seq 1 "$members"); do
      until "$kubectl" apply --server-side -n org-steady --request-timeout=3s -f - >/dev/null 2>&1 <<YAML
apiVersion: iam.trellis.dev/v1alpha1
kind: RoleBinding
metadata: {name: b-$fault-$i}
spec:
  role: operation-support-analyst
  subject: {kind: Member, name: m$i}
  scope: {kind: Project, name: p}
YAML
      do sleep 0.25; done
      sleep 0.25
    done
  ) &
  stream_pid=$!
  # Mid-stream: a few bindings in.
  deadline=$((SECONDS + 60))
  until [ "$(bound | grep -c . || true)" -ge 3 ]; do
    [ $SECONDS -lt $deadline ] || fail "the stream of bindings did not start"; sleep 0.2
  done
  # The previous round's bindings go too, so that every round starts from none.
  log "restarting $fault (down $down_for s) while bindings stream in"
  stopped=$(now)
  hack/cluster.sh restart "$fault" "$down_for" >/dev/null 2>&1 || fail "hack/cluster.sh restart $fault"
  back=$(now)
  outage=$(python3 -c "print(f'{$back - $stopped:.1f}')")
  wait "$stream_pid" || true; stream_pid=""
  last_change=$(now)
  [ "$(bound | grep -c . || true)" -eq "$members" ] || fail "the stream did not make its $members bindings"
  kill -0 "$operator_pid" 2>/dev/null || fail "the operator exited when $fault restarted"
  expected=$(bound)
  deadline=$((SECONDS + 180))
  until [ "$(named)" = "$expected" ]; do
    kill -0 "$operator_pid" 2>/dev/null || fail "the operator exited after $fault restarted"
    [ $SECONDS -lt $deadline ] || {
      diff <(echo "$expected") <(named) >&2 || true
      fail "180 s after $fault came back, the document does not name exactly the bound members"
    }
    sleep 0.5
  done
  recovered=$(since "$back"); settled=$(since "$last_change")
  wrong=$(comm -13 <(echo "$expected") <(named) | grep -c . || true)
  missing=$(comm -23 <(echo "$expected") <(named) | grep -c . || true)
  made=$(echo "$expected" | grep -c . || true)
  rows+=("| $fault | ${outage} s | $made bindings | ${recovered} s | ${settled} s | $wrong | $missing |")
  worst=$(python3 -c "print(max(${worst:-0}, $recovered))"); total_wrong=$((${total_wrong:-0} + wrong))
  total_missing=$((${total_missing:-0} + missing))
  log "$fault: API server unanswering ${outage} s; $made bindings made; document right ${recovered} s after it came \
back, ${settled} s after the last change"
  # Clean slate for the next fault.
  "$kubectl" -n org-steady delete rolebindings.iam.trellis.dev --all >/dev/null
  deadline=$((SECONDS + 60))
  until [ -z "$(named)" ]; do
    [ $SECONDS -lt $deadline ] || fail "the document kept members whose bindings were deleted"; sleep 0.5
  done
done

printf '\n| fault | API server not answering | changes made | document right after it came back | after the last change | wrong entries | missing entries |\n|---|---|---|---|---|---|---|\n'
printf '%s\n' "${rows[@]}"
summary_row "| kube-apiserver, then etcd, restarted under a stream of bindings | 2 streams of $members bindings | 2 \
| 2 | ${worst} s | $total_wrong | $total_missing |"
log "PASSED: the operator stayed up through a kube-apiserver and an etcd restart and its document ended exact"

#!/usr/bin/env bash
# `make chaos-start`: the operator started while its API server refuses every connection (as one that is starting or
# restarting does). It must not exit, must report itself not ready while it cannot list, and must converge once the
# API server answers. A TCP proxy (flaky-proxy.py) stands between the operator and the local control plane (state in
# .trellis-chaos/) and cuts every connection for CUT seconds (default 20), then lets them through.
# Prints the time from the API server answering to the operator being ready, and to a new organization's grants.
# Then restarts it without the right to list role bindings: one cache stays empty, the operator must stay not ready
# and leave every document as it is (an empty cache read as "no bindings" would revoke grants), until the right is back.
# Last, a binding that expires while the operator is down must be gone from the document right after it restarts, and
# an invitation that runs out meanwhile must be reported expired.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export TRELLIS_STATE=${TRELLIS_STATE:-$(pwd)/.trellis-chaos}
source hack/lib.sh
source hack/chaos/lib.sh
cut_for=${CUT:-20}

# A fresh cluster each time: what the operator shows must be its work of this run.
fresh_cluster
proxy_pid=""
cleanup() {
  set +e
  [ -n "$operator_pid" ] && kill "$operator_pid" 2>/dev/null && wait "$operator_pid" 2>/dev/null
  [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null
  hack/cluster.sh down
}
trap cleanup EXIT

# The operator's kubeconfig points at the proxy, which cuts every connection for now.
proxy_port=$(free_port)
echo cut > "$TRELLIS_STATE/proxy.mode"
python3 hack/chaos/flaky-proxy.py "$proxy_port" "127.0.0.1:$(cat "$TRELLIS_STATE/api.port")" \
  "$TRELLIS_STATE/proxy.mode" &
proxy_pid=$!
sed -i "s|server: https://127.0.0.1:[0-9]*|server: https://127.0.0.1:$proxy_port|" "$TRELLIS_STATE/operator.kubeconfig"

log "starting the operator while its API server refuses every connection (for $cut_for s)"
start_operator operator.log
start=$SECONDS; not_ready=0; answered=""
while [ $((SECONDS - start)) -lt "$cut_for" ]; do
  kill -0 "$operator_pid" 2>/dev/null || fail "the operator exited while the API server refused it"
  code=$(ready)
  [ "$code" = 200 ] && fail "the operator said it was ready while it could list nothing"
  [ "$code" = 503 ] && not_ready=$((not_ready + 1))
  answered+=" $code/$(probe live)"
  sleep 0.5
done
[ "$not_ready" -gt 0 ] || fail "the readiness probe never answered 'not ready' (answers:$answered)"
log "after $cut_for s of refused connections: still running, never ready (readiness/liveness answers:$answered)"

echo pass > "$TRELLIS_STATE/proxy.mode"
opened=$(now)
deadline=$((SECONDS + 180))
until [ "$(ready)" = 200 ]; do
  kill -0 "$operator_pid" 2>/dev/null || fail "the operator exited after the API server came back"
  [ $SECONDS -lt $deadline ] || fail "not ready 180 s after the API server answered"
  sleep 0.5
done
recovered=$(since "$opened")
log "ready $recovered s after the API server answered"

# It converges: a new organization, a binding, and the connector's grants document naming the member.
"$kubectl" apply --server-side -f - >/dev/null <<'YAML'
apiVersion: iam.trellis.dev/v1alpha1
kind: Organization
metadata: {name: flaky}
spec: {displayName: Flaky}
YAML
deadline=$((SECONDS + 60))
until "$kubectl" get namespace org-flaky >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || fail "organization flaky got no namespace"; sleep 0.5
done
"$kubectl" apply --server-side -n org-flaky -f - >/dev/null <<'YAML'
apiVersion: iam.trellis.dev/v1alpha1
kind: Project
metadata: {name: p}
spec: {}
---
apiVersion: iam.trellis.dev/v1alpha1
kind: Connector
metadata: {name: c}
spec: {projects: [p]}
---
apiVersion: iam.trellis.dev/v1alpha1
kind: ManagedResource
metadata: {name: r}
spec: {type: Server, connector: c, projects: [p]}
---
apiVersion: iam.trellis.dev/v1alpha1
kind: Member
metadata: {name: ann}
spec: {type: User, email: ann@flaky.example}
---
apiVersion: iam.trellis.dev/v1alpha1
kind: RoleBinding
metadata: {name: ann-analyst}
spec:
  role: operation-support-analyst
  subject: {kind: Member, name: ann}
  scope: {kind: Project, name: p}
YAML
deadline=$((SECONDS + 60))
until "$kubectl" -n org-flaky get configmap c-grants -o jsonpath='{.data.grants\.json}' 2>/dev/null \
    | grep -q 'ann@flaky.example'; do
  [ $SECONDS -lt $deadline ] || fail "the grants document of org-flaky never named ann"; sleep 0.5
done
log "converged: org-flaky's grants name ann, $(since "$opened") s after the API server answered"
kill -0 "$operator_pid" 2>/dev/null || fail "the operator exited"
first_recovered=$recovered

# Phase 2: a partial view. Restarted without the right to list role bindings (an upgrade that broke RBAC), the
# operator sees every cache but that one: it must stay not ready and leave the document alone (an empty bindings
# cache read as "no bindings" would revoke ann), then carry on once the right is back.
rv() { "$kubectl" -n org-flaky get configmap c-grants -o jsonpath='{.metadata.resourceVersion}'; }
before=$(rv)
kill "$operator_pid"; wait "$operator_pid" 2>/dev/null || true; operator_pid=""
iam_rule=$("$kubectl" get clusterrole trellis-operator -o jsonpath='{.rules[0].resources}')
[ "$iam_rule" = '["*"]' ] || fail "the operator's first rule is not iam.trellis.dev/* (it is $iam_rule): update this check"
"$kubectl" patch clusterrole trellis-operator --type json -p '[{"op": "replace", "path": "/rules/0/resources",
  "value": ["organizations", "folders", "projects", "managedresources", "connectors", "members", "accessroles",
            "partnerships", "partnershipacceptances", "invitationacceptances"]}]' >/dev/null
# The controllers start processing once every cache has synced or cache-sync-timeout (2 min by default) has passed:
# 5 s here, so that the 20 s below are spent with the tenancy controller running and one of its caches empty.
log "restarting the operator without the right to list role bindings (cache-sync-timeout 5 s)"
start_operator operator-2.log -Dquarkus.operator-sdk.cache-sync-timeout=5s
start=$SECONDS; answered=""
until grep -q "'tenancy' controller started" "$TRELLIS_STATE/operator-2.log"; do
  [ $((SECONDS - start)) -lt 60 ] || fail "the restarted operator's tenancy controller did not start"; sleep 0.5
done
grep -q "listSyncAndWatch failed for iam.trellis.dev/v1alpha1/rolebindings" "$TRELLIS_STATE/operator-2.log" \
  || fail "the restarted operator listed role bindings: the check is void"
start=$SECONDS
while [ $((SECONDS - start)) -lt 20 ]; do
  kill -0 "$operator_pid" 2>/dev/null || fail "the operator exited without the right to list role bindings"
  code=$(ready)
  [ "$code" = 200 ] && fail "the operator said it was ready without its role bindings cache"
  answered+=" $code"
  [ "$(rv)" = "$before" ] || fail "org-flaky's document was rewritten from a view without role bindings"
  sleep 0.5
done
"$kubectl" -n org-flaky get configmap c-grants -o jsonpath='{.data.grants\.json}' | grep -q 'ann@flaky.example' \
  || fail "ann's grant was lost"
log "20 s with the tenancy controller running and no role bindings: never ready ($(echo "$answered" | grep -o 503 \
  | wc -l) of $(echo "$answered" | wc -w) readiness answers 503), the document untouched and still naming ann"
"$kubectl" patch clusterrole trellis-operator --type json \
  -p '[{"op": "replace", "path": "/rules/0/resources", "value": ["*"]}]' >/dev/null
opened=$(now)
deadline=$((SECONDS + 180))
until [ "$(ready)" = 200 ]; do
  kill -0 "$operator_pid" 2>/dev/null || fail "the operator exited after its rights came back"
  [ $SECONDS -lt $deadline ] || fail "not ready 180 s after its rights came back"
  sleep 0.5
done
right_back=$(since "$opened")
log "ready $right_back s after the right came back; document still at resourceVersion $(rv) (was $before)"
[ "$(rv)" = "$before" ] || fail "the document was rewritten although nothing it depends on changed"

# Phase 3: the clock. A binding that expires while the operator is down is gone from the document within one
# reconcile of the restart (nothing else would remove it: the document is only rewritten by the operator), and an
# invitation that runs out meanwhile is reported expired.
expires_at=$(date -u -d '+25 seconds' +%Y-%m-%dT%H:%M:%SZ)
"$kubectl" apply --server-side -n org-flaky -f - >/dev/null <<YAML
apiVersion: iam.trellis.dev/v1alpha1
kind: Member
metadata: {name: bob}
spec: {type: User, email: bob@flaky.example}
---
apiVersion: iam.trellis.dev/v1alpha1
kind: RoleBinding
metadata: {name: bob-analyst}
spec:
  role: operation-support-analyst
  subject: {kind: Member, name: bob}
  scope: {kind: Project, name: p}
  expiresAt: "$expires_at"
---
apiVersion: iam.trellis.dev/v1alpha1
kind: Member
metadata: {name: carol}
spec: {type: User, email: carol@flaky.example, invitation: {ttl: 25s}}
YAML
reason_of() {
  "$kubectl" -n org-flaky get members.iam.trellis.dev "$1" -o jsonpath='{.status.conditions[?(@.type=="Ready")].reason}'
}
grants() { "$kubectl" -n org-flaky get configmap c-grants -o jsonpath='{.data.grants\.json}'; }
deadline=$((SECONDS + 20))
until grants | grep -q 'bob@flaky.example'; do
  [ $SECONDS -lt $deadline ] || fail "bob's binding (until $expires_at) never reached the document"; sleep 0.5
done
deadline=$((SECONDS + 20))
until [ "$(reason_of carol)" = InvitationPending ]; do
  [ $SECONDS -lt $deadline ] || fail "carol's invitation is not pending (reason $(reason_of carol))"; sleep 0.5
done
kill "$operator_pid"; wait "$operator_pid" 2>/dev/null || true; operator_pid=""
log "operator stopped with bob's binding in the document, expiring at $expires_at, and carol's invitation pending"
until [ "$(date +%s)" -gt "$(date -d "$expires_at" +%s)" ]; do sleep 1; done # the wall clock passes the expiry
grants | grep -q 'bob@flaky.example' || fail "bob left the document while no operator ran: the check is void"
start_operator operator-3.log
restarted=$(now)
deadline=$((SECONDS + 60))
until [ "$(ready)" = 200 ]; do
  [ $SECONDS -lt $deadline ] || fail "the restarted operator was not ready within 60 s"; sleep 0.5
done
became_ready=$(since "$restarted")
deadline=$((SECONDS + 30))
while grants | grep -q 'bob@flaky.example'; do
  [ $SECONDS -lt $deadline ] || fail "bob's expired binding was still in the document 30 s after the restart"; sleep 0.5
done
grants | grep -q 'ann@flaky.example' || fail "ann's grant was lost with bob's"
deadline=$((SECONDS + 30))
until [ "$(reason_of carol)" = InvitationExpired ]; do
  [ $SECONDS -lt $deadline ] || fail "carol's invitation ran out while no operator ran and is not reported expired"
  sleep 0.5
done
log "carol's invitation reported InvitationExpired $(since "$restarted") s after the restart"
log "restarted after the expiry: ready in $became_ready s, bob gone from the document $(since "$restarted") s after \
the start, ann kept"
worst=$(python3 -c "print(max($first_recovered, $right_back, $became_ready))")
summary_row "| start against a refusing API server; a cache missing; restart past deadlines | 4 starts | 3 | 3 \
| ${worst} s | 0 | 0 |"
log "PASSED: refused for $cut_for s, never exited, ready $first_recovered s after the API server answered; without one \
cache, never ready and nothing rewritten; an expiry and an invitation's end passed while down applied at the restart"

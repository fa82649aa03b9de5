#!/usr/bin/env bash
# `make e2e`: Trellis installed as users install it, and used, on a cluster with a node.
#   - without KUBECONFIG: starts the local cluster with a node (NODE=1, state in .trellis-e2e/), builds the operator
#     image (hack/image/build.sh) and imports it into the node's containerd; stops the cluster at the end
#     (KEEP=1 leaves it running).
#   - with KUBECONFIG (Kind, a staging cluster): IMAGE names an image the cluster can pull (or that was loaded:
#     `kind load image-archive target/image/trellis-operator.tar`), CONNECTOR_IMAGE a busybox it can pull.
# Steps: helm install -> operator Ready under its own ServiceAccount; samples Ready; a connector pod reads its
# grants, and one built on the reader kit verifies them through the API; metrics scraped from inside the cluster; helm upgrade (new tag, changed values, JSON logs) rewrites no
# document; two replicas: the leader pod deleted, a binding changed meanwhile reaches its document once; a rolling
# upgrade of both, the same; then two shards (sharding.shards=2): each shard's leader, every object filed, no
# document changed, each shard's webhook answering for its namespaces, a partner role given in one shard seen in the
# other; back to one Deployment, which serves both again; helm uninstall keeps CRDs and organizations. Prints the image digest, Ready time,
# hand-over time and metrics.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
source hack/control-plane/versions.env
cache=${TRELLIS_CACHE:-$HOME/.cache/trellis}
bin="$cache/k8s/${K8S_VERSION}-linux-amd64"
helm="$bin/helm"
kubectl="$bin/kubectl"
ns=trellis-system
release=trellis
log() { printf '[e2e %3ds] %s\n' "$SECONDS" "$*" >&2; }
fail() { log "FAILED: $*"; diagnostics; exit 1; }
k() { "$kubectl" "$@"; }

diagnostics() {
  set +e
  k get pods -A -o wide >&2
  k -n "$ns" logs -l app.kubernetes.io/name=trellis --tail=40 --prefix >&2
}

local_cluster=0
if [ -z "${KUBECONFIG:-}" ]; then
  local_cluster=1
  export TRELLIS_STATE="$root/.trellis-e2e"
  export KUBECONFIG="$TRELLIS_STATE/kubeconfig"
  # A fresh cluster each run: what is asserted must come from this run.
  NODE=1 hack/cluster.sh down >/dev/null 2>&1 || true
  rm -rf "$TRELLIS_STATE"
  cleanup() {
    if [ "${KEEP:-0}" = 1 ]; then log "cluster kept: export KUBECONFIG=$KUBECONFIG"; return; fi
    NODE=1 hack/cluster.sh down >/dev/null 2>&1 || true
  }
  trap cleanup EXIT
  log "starting the local cluster with a node"
  NODE=1 hack/cluster.sh up
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q package -DskipTests
  version=$(sed -n 's/^appVersion: "\(.*\)"/\1/p' helm/trellis/Chart.yaml)
  image_repo=trellis/trellis-operator
  tag="$version"
  hack/image/build.sh >/dev/null
  hack/node/node.sh import target/image/trellis-operator.tar >/dev/null
  # The upgrade's "new tag": the same image under a second name.
  IMAGE="$image_repo:$version-upgrade" OUT=target/image/trellis-operator-upgrade.tar hack/image/build.sh >/dev/null
  hack/node/node.sh import target/image/trellis-operator-upgrade.tar >/dev/null
  connector_image=$(hack/node/node.sh connector-image)
else
  image=${IMAGE:?with KUBECONFIG set, IMAGE names the operator image the cluster pulls (repository:tag)}
  image_repo=${image%:*}
  tag=${image##*:}
  connector_image=${CONNECTOR_IMAGE:-busybox:1.36}
fi

# ---------------------------------------------------------------------------------------------------------- install
log "helm install $release ($image_repo:$tag) into $ns"
"$helm" install "$release" helm/trellis -n "$ns" --create-namespace \
  --set image.repository="$image_repo" --set image.tag="$tag" --wait --timeout 5m >/dev/null \
  || fail "helm install"
pod=$(k -n "$ns" get pods -l app.kubernetes.io/name=trellis -o jsonpath='{.items[0].metadata.name}')
created=$(k -n "$ns" get pod "$pod" -o jsonpath='{.metadata.creationTimestamp}')
ready_at=$(k -n "$ns" get pod "$pod" -o jsonpath='{.status.conditions[?(@.type=="Ready")].lastTransitionTime}')
log "operator pod $pod Ready $(( $(date -d "$ready_at" +%s) - $(date -d "$created" +%s) )) s after it was created"
log "image: $(k -n "$ns" get pod "$pod" -o jsonpath='{.status.containerStatuses[0].imageID}')"
sa=$(k -n "$ns" get pod "$pod" -o jsonpath='{.spec.serviceAccountName}')
[ "$sa" = "$release" ] || fail "the operator runs as ServiceAccount $sa, not the chart's"
who="system:serviceaccount:$ns:$sa"
# Only the chart's rights: it may not, for example, read Secrets of other namespaces or write RBAC.
if k auth can-i get secrets -n default --as "$who" >/dev/null 2>&1; then fail "$who may read Secrets in default"; fi
if k auth can-i create clusterrolebindings --as "$who" >/dev/null 2>&1; then fail "$who may create ClusterRoleBindings"; fi
k auth can-i update leases -n "$ns" --as "$who" >/dev/null || fail "$who may not update its Lease"
if k auth can-i update leases -n default --as "$who" >/dev/null 2>&1; then fail "$who may update Leases outside $ns"; fi
log "operator runs as $who with the chart's ClusterRole and Role only"
k get accessrole organization-admin >/dev/null || fail "the chart did not install the predefined roles"
k get validatingwebhookconfiguration "$release-iam" >/dev/null || fail "no webhook registration"

# ---------------------------------------------------------------------------------------------------------- samples
log "applying config/samples/ (connector image $connector_image)"
KUBECTL="$kubectl" hack/apply-samples.sh >/dev/null 2>&1 || KUBECTL="$kubectl" hack/apply-samples.sh >&2 \
  || fail "the samples did not apply"
k -n org-mrpaints set image deployment/conn-eu connector="$connector_image" >/dev/null
for kind in organizations folders projects managedresources members rolebindings connectors; do
  k wait --for=condition=Ready --timeout=120s "$kind.iam.trellis.dev" -A --all >/dev/null \
    || { k get "$kind.iam.trellis.dev" -A >&2; fail "$kind not Ready"; }
done
log "samples Ready: $(k get trellis -A --no-headers 2>/dev/null | wc -l) Trellis objects"

revision() { k -n org-mrpaints get configmap conn-eu-grants -o jsonpath='{.data.grants\.json}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["revision"])'; }
rev=$(revision)
k -n org-mrpaints rollout status deployment/conn-eu --timeout=120s >/dev/null || fail "the connector pod did not start"
deadline=$((SECONDS + 120))
until k -n org-mrpaints logs deployment/conn-eu --tail=200 2>/dev/null | grep -q "$rev"; do
  [ $SECONDS -lt $deadline ] || fail "the connector pod never printed revision $rev"
  sleep 2
done
log "connector pod read its grants document, revision $rev"

# A connector built on the reader kit (dev.trellis.reader; the sample connector ships in the operator's image): it
# reads conn-eu's document through the API server with a ServiceAccount that may get that ConfigMap only, and
# verifies its signature with the keys the operator publishes.
k apply -f - >/dev/null <<MANIFESTS || fail "the reader kit's connector was not created"
apiVersion: v1
kind: ServiceAccount
metadata: {name: conn-eu-kit, namespace: org-mrpaints}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: conn-eu-grants-reader, namespace: org-mrpaints}
rules:
  - {apiGroups: [""], resources: [configmaps], verbs: [get], resourceNames: [conn-eu-grants]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: conn-eu-kit, namespace: org-mrpaints}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: conn-eu-grants-reader}
subjects: [{kind: ServiceAccount, name: conn-eu-kit, namespace: org-mrpaints}]
---
apiVersion: v1
kind: Pod
metadata: {name: conn-eu-kit, namespace: org-mrpaints}
spec:
  serviceAccountName: conn-eu-kit
  restartPolicy: Never
  securityContext: {runAsNonRoot: true, runAsUser: 65532, seccompProfile: {type: RuntimeDefault}}
  containers:
    - name: connector
      image: $image_repo:$tag
      command: [java, -cp, "/app/app/*", dev.trellis.reader.SampleConnector, --api, --namespace, org-mrpaints,
                --connector, conn-eu, --keys-namespace, $ns, --poll-ms, "2000"]
      stdin: true
      securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
      resources: {requests: {cpu: 10m, memory: 64Mi}, limits: {memory: 256Mi}}
MANIFESTS
kit_saw() { k -n org-mrpaints logs conn-eu-kit 2>/dev/null | grep -q "revision $1 entries [0-9]* verified ed25519-"; }
deadline=$((SECONDS + 120))
until kit_saw "$rev"; do
  if [ $SECONDS -ge $deadline ]; then
    k -n org-mrpaints logs conn-eu-kit >&2 || true
    fail "the reader kit's connector never verified revision $rev"
  fi
  sleep 2
done
log "reader kit's connector (own ServiceAccount, through the API) verified revision $rev:" \
  "$(k -n org-mrpaints logs conn-eu-kit | grep -m1 "revision $rev")"

# ---------------------------------------------------------------------------------------------------------- webhook
# The platform team lets carol write IAM objects in her organization's namespace (Kubernetes RBAC); the webhook, in
# the cluster, then refuses her binding herself a role she does not hold at a scope she does not administer.
k -n org-mrpaints create rolebinding carol-trellis-admin --clusterrole trellis-admin --user carol@mrpaints.com \
  --dry-run=client -o yaml | k apply --server-side -f - >/dev/null
escalation='{"apiVersion": "iam.trellis.dev/v1alpha1", "kind": "RoleBinding",
  "metadata": {"name": "carol-grabs-the-organization", "namespace": "org-mrpaints"},
  "spec": {"role": "organization-admin", "subject": {"kind": "Member", "name": "carol"}, "scope": {"kind": "Organization"}}}'
refusal=$(echo "$escalation" | k --as carol@mrpaints.com apply --server-side -f - 2>&1 || true)
echo "$refusal" | grep -q 'denied the request' || fail "the webhook did not refuse carol's escalation: $refusal"
k -n org-mrpaints get rolebindings.iam.trellis.dev carol-grabs-the-organization >/dev/null 2>&1 \
  && fail "carol's escalation was admitted"
log "the webhook (in the cluster) refused an escalation: ${refusal#*denied the request: }"

# ---------------------------------------------------------------------------------------------------------- metrics
# From a pod, through the metrics Service's cluster IP (the local cluster has no DNS add-on).
metrics_pod() {
  local ip; ip=$(k -n "$ns" get svc "$release-metrics" -o jsonpath='{.spec.clusterIP}')
  k -n "$ns" run "metrics-$1" --rm -i --restart=Never --image="$connector_image" --quiet \
    -- wget -qO- "http://$ip:8080/q/metrics"
}
# Trellis' object counts are refreshed every 15 s: scrape until they count the samples' documents.
deadline=$((SECONDS + 60)); n=0
until scraped=$(metrics_pod $((n += 1))) && echo "$scraped" | grep -Eq '^trellis_documents [1-9]'; do
  [ $SECONDS -lt $deadline ] || { echo "${scraped:-}" | grep '^trellis_' >&2; fail "no trellis_documents > 0 in the scrape"; }
  sleep 3
done
echo "$scraped" | grep -E '^(trellis_documents|trellis_document_writes_total|trellis_partnerships\{phase="Established"|trellis_objects\{kind="RoleBinding",ready="True"|trellis_admission_reviews_total\{allowed="true",kind="RoleBinding")' >&2 || true
echo "$scraped" | grep -q '^trellis_objects{kind="RoleBinding"' || fail "no trellis_objects in the scrape"
echo "$scraped" | grep -Eq '^trellis_reconcile_seconds_count\{.*result="success",?\} [1-9]' \
  || fail "no reconcile metrics in the scrape"
log "metrics scraped from inside the cluster ($(echo "$scraped" | grep -vc '^#') series)"

# ---------------------------------------------------------------------------------------------------------- upgrade
versions() { k get configmaps -A -l app.kubernetes.io/managed-by=trellis -o jsonpath='{range .items[*]}{.metadata.namespace}/{.metadata.name}={.metadata.resourceVersion}{"\n"}{end}' | sort; }
before=$(versions)
log "helm upgrade: tag $tag-upgrade, logLevel DEBUG, logFormat json"
"$helm" upgrade "$release" helm/trellis -n "$ns" --reuse-values --set image.tag="$tag-upgrade" --set logLevel=DEBUG \
  --set logFormat=json \
  --wait --timeout 5m >/dev/null || fail "helm upgrade"
k -n "$ns" rollout status deployment/"$release" --timeout=120s >/dev/null
# The pod of the new ReplicaSet (an old one may still be terminating, phase Running).
pod=$(k -n "$ns" get pods -l app.kubernetes.io/name=trellis -o json | python3 -c '
import json, sys
pods = [p for p in json.load(sys.stdin)["items"] if "deletionTimestamp" not in p["metadata"]
        and sys.argv[1] in p["spec"]["containers"][0]["image"]]
print(pods[0]["metadata"]["name"] if pods else "")' "$tag-upgrade")
[ -n "$pod" ] || fail "upgrade did not change the image"
# The new leader has read everything and decided; then nothing must have been rewritten.
deadline=$((SECONDS + 60))
until k -n "$ns" logs "$pod" | grep -q "'tenancy' controller started"; do
  [ $SECONDS -lt $deadline ] || fail "the upgraded operator did not start its controllers"; sleep 1
done
k -n "$ns" logs "$pod" | grep "'tenancy' controller started" | head -1 \
  | python3 -c 'import json, sys; print(json.loads(sys.stdin.read())["level"])' >/dev/null \
  || fail "logFormat json: the operator's log lines are not JSON objects"
k wait --for=condition=Ready --timeout=60s rolebindings.iam.trellis.dev -A --all >/dev/null
sleep 10 # give a needless rewrite time to happen: none may
after=$(versions)
[ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after") >&2; fail "the upgrade rewrote ConfigMaps Trellis writes"; }
[ "$(revision)" = "$rev" ] || fail "the revision changed across the upgrade"
log "upgrade rewrote none of the $(echo "$after" | wc -l) ConfigMaps Trellis writes; revision still $rev"

# ---------------------------------------------------------------------------------------------------------- hand-over
log "two replicas with leader election"
"$helm" upgrade "$release" helm/trellis -n "$ns" --reuse-values --set replicas=2 --wait --timeout 5m >/dev/null \
  || fail "helm upgrade to two replicas"
k -n "$ns" get pdb "$release" >/dev/null || fail "no PodDisruptionBudget with two replicas"
holder() { k -n "$ns" get lease "$release" -o jsonpath='{.spec.holderIdentity}'; }
deadline=$((SECONDS + 60))
until [ -n "$(holder)" ]; do [ $SECONDS -lt $deadline ] || fail "no leader"; sleep 1; done
leader=$(holder); leader_pod=${leader%_*}
log "leader: $leader; deleting pod $leader_pod and changing a binding meanwhile"
watch_log=$(mktemp)
k -n org-mrpaints get configmap conn-eu-grants -w --output-watch-events \
  -o jsonpath='{.type} {.object.metadata.resourceVersion}{"\n"}' > "$watch_log" 2>/dev/null &
watcher=$!
leader_log=$(mktemp)
k -n "$ns" logs -f "$leader_pod" > "$leader_log" 2>&1 &
start=$(date +%s.%N)
k -n "$ns" delete pod "$leader_pod" --wait=false >/dev/null
k -n org-mrpaints patch rolebindings.iam.trellis.dev carol-london-analyst --type merge \
  -p '{"spec":{"expiresAt":"2098-12-31T00:00:00Z"}}' >/dev/null || fail "the webhook refused a write during the hand-over"
deadline=$((SECONDS + 90))
until h=$(holder) && [ -n "$h" ] && [ "$h" != "$leader" ]; do
  [ $SECONDS -lt $deadline ] || fail "no new leader within 90 s"; sleep 0.2
done
handover=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
log "new leader $h after $handover s (lease duration 15 s); the old leader said: $(grep -o 'Released Lease [^"]*\|Could not release [^"]*' "$leader_log" | head -1)"
rm -f "$leader_log"
deadline=$((SECONDS + 90))
until k -n org-mrpaints get configmap conn-eu-grants -o jsonpath='{.data.grants\.json}' | grep -q '2098-12-31'; do
  [ $SECONDS -lt $deadline ] || fail "the binding changed during the hand-over never reached its document"; sleep 0.5
done
sleep 5 # a second write of the same change would show by now
kill "$watcher" 2>/dev/null || true
writes=$(grep -c '^MODIFIED\|^ADDED' "$watch_log" || true)
# ADDED is the watch's initial state; one MODIFIED (or a replacement: DELETED + ADDED) is the change.
changes=$(grep -c '^MODIFIED\|^DELETED' "$watch_log" || true)
log "the changed binding reached conn-eu's document; the ConfigMap changed $changes time(s) (watch: $(tr '\n' ' ' < "$watch_log"))"
[ "$changes" -eq 1 ] || fail "the document was written $changes times for one change"
rm -f "$watch_log"
new_rev=$(revision)
deadline=$((SECONDS + 60))
until kit_saw "$new_rev"; do
  [ $SECONDS -lt $deadline ] || fail "the reader kit's connector never verified the new revision $new_rev"; sleep 1
done
log "reader kit's connector verified the changed document too (revision $new_rev)"

# ---------------------------------------------------------------------------------------------------------- rolling upgrade
# Both replicas replaced one after the other (maxUnavailable 0): the Lease passes to a pod of the new ReplicaSet and a
# binding changed while the old pods stop reaches its document once.
log "rolling upgrade of the two replicas to tag $tag, a binding changed while the old pods stop"
watch_log=$(mktemp)
k -n org-mrpaints get configmap conn-eu-grants -w --output-watch-events \
  -o jsonpath='{.type} {.object.metadata.resourceVersion}{"\n"}' > "$watch_log" 2>/dev/null &
watcher=$!
start=$SECONDS
"$helm" upgrade "$release" helm/trellis -n "$ns" --reuse-values --set image.tag="$tag" --wait --timeout 5m \
  >/dev/null 2>&1 &
upgrading=$!
stopping() { k -n "$ns" get pods -l app.kubernetes.io/name=trellis -o json | python3 -c '
import json, sys
print(sum(1 for p in json.load(sys.stdin)["items"] if "deletionTimestamp" in p["metadata"]
          and p["spec"]["containers"][0]["image"].endswith(sys.argv[1])))' "$tag-upgrade"; }
deadline=$((SECONDS + 120))
until [ "$(stopping)" -gt 0 ]; do [ $SECONDS -lt $deadline ] || fail "no old pod stopped within 120 s"; sleep 0.5; done
k -n org-mrpaints patch rolebindings.iam.trellis.dev carol-london-analyst --type merge \
  -p '{"spec":{"expiresAt":"2097-12-31T00:00:00Z"}}' >/dev/null || fail "the webhook refused a write during the roll"
wait "$upgrading" || fail "the rolling upgrade"
deadline=$((SECONDS + 90))
until leader_image=$(k -n "$ns" get pod "$(holder | sed 's/_[^_]*$//')" -o jsonpath='{.spec.containers[0].image}' \
    2>/dev/null) && [ "${leader_image##*:}" = "$tag" ]; do
  [ $SECONDS -lt $deadline ] || fail "the Lease is not held by a pod of the new ReplicaSet (holder $(holder))"; sleep 0.5
done
deadline=$((SECONDS + 90))
until k -n org-mrpaints get configmap conn-eu-grants -o jsonpath='{.data.grants\.json}' | grep -q '2097-12-31'; do
  [ $SECONDS -lt $deadline ] || fail "the binding changed during the roll never reached its document"; sleep 0.5
done
sleep 5 # a second write of the same change would show by now
kill "$watcher" 2>/dev/null || true
changes=$(grep -c '^MODIFIED\|^DELETED' "$watch_log" || true)
log "rolled in $((SECONDS - start)) s; leader $(holder) runs $leader_image; the ConfigMap changed $changes time(s)"
[ "$changes" -eq 1 ] || fail "the document was written $changes times for one change during the roll"
rm -f "$watch_log"

# ---------------------------------------------------------------------------------------------------------- helm test
"$helm" test "$release" -n "$ns" --timeout 2m >/dev/null 2>&1 && log "helm test passed" || fail "helm test"

# ---------------------------------------------------------------------------------------------------------- shards
# Organizations split between two operator Deployments (docs/scaling.md): the samples' two organizations fall in
# different shards (org-mrpaints in 0, org-globalpartners in 1), so their partnership crosses processes. Each shard
# elects its own leader, files its objects, keeps every document as it was, answers admission for its namespaces
# through its own Service, and a partner member's access follows a change in the customer's shard.
# Changing sharding.shards makes a new webhook certificate (it names every shard's Service); the registration trusts
# the previous CA too until the next upgrade, so the old pods are still trusted while they stop. Until the new pods
# are Ready a new Service may have no endpoint and the API server refuses the write, failing closed. Retried for up
# to a minute; any other failure, or Trellis's own answer, is returned as it is.
admitted_or_refused() { # <user, or - for the admin> <manifest, or a kubectl command with -> : the API server's answer
  local as=$1; shift
  local deadline=$((SECONDS + 60)) out
  while :; do
    if [ "$as" = - ]; then out=$("$@" 2>&1) && { echo "$out"; return 0; }
    else out=$(k --as "$as" apply --server-side -f - 2>&1 <<<"$1") && { echo "$out"; return 0; }; fi
    echo "$out" | grep -q 'failed calling webhook' && [ $SECONDS -lt $deadline ] || { echo "$out"; return 1; }
    sleep 1
  done
}
shard_lease() { k -n "$ns" get lease "$release-shard-$1-of-2" -o jsonpath='{.spec.holderIdentity}' 2>/dev/null; }
partner_roles() { k -n org-globalpartners get members.iam.trellis.dev krishna \
  -o jsonpath='{range .status.partnerAccess[*].roles[*]}{.role}@{.scope} {end}'; }
rev=$(revision); roles_before=$(partner_roles)
[ -n "$roles_before" ] || fail "krishna has no partner access before sharding"
log "helm upgrade: sharding.shards=2, one replica per shard"
"$helm" upgrade "$release" helm/trellis -n "$ns" --reuse-values --set sharding.shards=2 --set replicas=1 \
  --wait --timeout 5m >/dev/null || fail "helm upgrade to two shards"
k -n "$ns" get deployment "$release" >/dev/null 2>&1 && fail "the unsharded Deployment outlived the change to shards"
cas=$(k get validatingwebhookconfiguration "$release-iam" -o jsonpath='{.webhooks[0].clientConfig.caBundle}' \
  | base64 -d | grep -c 'BEGIN CERTIFICATE')
[ "$cas" = 2 ] || fail "after the change to shards the webhook trusts $cas CAs, not the new and the previous one"
for s in 0 1; do
  k -n "$ns" rollout status deployment/"$release-shard-$s" --timeout=120s >/dev/null || fail "shard $s did not roll out"
  deadline=$((SECONDS + 90))
  until h=$(shard_lease $s) && [ -n "$h" ] \
      && [ "$(k -n "$ns" get pod "${h%_*}" -o jsonpath='{.metadata.labels.iam\.trellis\.dev/shard}' 2>/dev/null)" = "$s-of-2" ]; do
    [ $SECONDS -lt $deadline ] || fail "Lease $release-shard-$s-of-2 is not held by a pod of shard $s (holder: ${h:-none})"
    sleep 1
  done
  log "shard $s: leader ${h%_*}"
done
deadline=$((SECONDS + 120))
until [ "$(k get ns org-mrpaints -o jsonpath='{.metadata.labels.iam\.trellis\.dev/shard}')" = 0-of-2 ] \
    && [ "$(k get ns org-globalpartners -o jsonpath='{.metadata.labels.iam\.trellis\.dev/shard}')" = 1-of-2 ] \
    && [ -z "$(k get folders,projects,managedresources,connectors,rolebindings.iam.trellis.dev -A --no-headers \
         -l 'iam.trellis.dev/shard notin (0-of-2,1-of-2)' 2>/dev/null)" ] \
    && [ -z "$(k get configmaps -A --no-headers -l 'iam.trellis.dev/connector,iam.trellis.dev/shard notin (0-of-2,1-of-2)' 2>/dev/null)" ]; do
  [ $SECONDS -lt $deadline ] || { k get ns -L iam.trellis.dev/shard >&2; fail "objects not filed under their shards"; }
  sleep 1
done
filed=$(k get folders,projects,managedresources,connectors,rolebindings.iam.trellis.dev,configmaps -A --no-headers \
  -l 'iam.trellis.dev/shard in (0-of-2,1-of-2)' | wc -l)
log "namespaces and $filed objects filed under their shards"
k wait --for=condition=Ready --timeout=60s rolebindings.iam.trellis.dev -A --all >/dev/null \
  || fail "bindings not Ready after the change to shards"
[ "$(revision)" = "$rev" ] || fail "the change to shards changed conn-eu's revision"
[ "$(partner_roles)" = "$roles_before" ] || fail "krishna's partner access changed with sharding: $(partner_roles)"
log "every binding Ready, conn-eu still at revision $rev, krishna's partner access unchanged: $roles_before"

# Admission through each shard's Service: carol (shard 0) and dan, whom the platform team lets write IAM objects in
# GlobalPartners' namespace (shard 1) but who holds no Trellis role there, are refused by their shard's own decision.
refusal=$(admitted_or_refused carol@mrpaints.com "$escalation" || true)
echo "$refusal" | grep -q 'denied the request' || fail "shard 0 did not refuse carol's escalation: $refusal"
echo "$refusal" | grep -qi 'served by shard' && fail "carol's review reached the wrong shard: $refusal"
k -n org-globalpartners create rolebinding dan-trellis-admin --clusterrole trellis-admin --user dan@globalpartners.com \
  --dry-run=client -o yaml | k apply --server-side -f - >/dev/null
refusal=$(admitted_or_refused dan@globalpartners.com "${escalation//org-mrpaints/org-globalpartners}" || true)
echo "$refusal" | grep -q 'denied the request' || fail "shard 1 did not refuse dan's escalation: $refusal"
echo "$refusal" | grep -qi 'served by shard' && fail "dan's review reached the wrong shard: $refusal"
log "each shard's webhook refused an escalation in its namespace: ${refusal#*denied the request: }"

# The customer's shard widens krishna's access; the partner's shard learns it from the Partnership's status.
binding=$(mktemp)
cat > "$binding" <<MANIFESTS
apiVersion: iam.trellis.dev/v1alpha1
kind: RoleBinding
metadata: {name: krishna-incident-manager, namespace: org-mrpaints}
spec:
  role: incident-manager
  subject: {kind: PartnerMember, partnership: globalpartners, name: krishna}
  scope: {kind: Organization}
MANIFESTS
out=$(admitted_or_refused - "$kubectl" apply -f "$binding") || fail "the second partner binding was refused: $out"
rm -f "$binding"
deadline=$((SECONDS + 60))
until partner_roles | grep -q "incident-manager@"; do
  [ $SECONDS -lt $deadline ] || fail "krishna's partner access (shard 1) never showed the role given in shard 0: $(partner_roles)"
  sleep 0.5
done
deadline=$((SECONDS + 60))
until k -n org-mrpaints get configmap conn-eu-grants -o jsonpath='{.data.grants\.json}' | grep -q "incident-manager"; do
  [ $SECONDS -lt $deadline ] || fail "the new partner binding never reached conn-eu's document"; sleep 0.5
done
log "a role given in shard 0 reached conn-eu's document and krishna's partner access in shard 1: $(partner_roles)"
"$helm" test "$release" -n "$ns" --timeout 2m >/dev/null 2>&1 || fail "helm test with two shards"
log "helm test passed with two shards"

# Back to one Deployment: it serves every organization again (the shard labels left behind select nothing it needs),
# under the unsharded Lease, and a change in either organization reaches its document.
log "helm upgrade: back to sharding.shards=1"
"$helm" upgrade "$release" helm/trellis -n "$ns" --reuse-values --set sharding.shards=1 --wait --timeout 5m >/dev/null \
  || fail "helm upgrade back to one shard"
k -n "$ns" rollout status deployment/"$release" --timeout=120s >/dev/null || fail "the unsharded Deployment did not roll out"
for s in 0 1; do
  k -n "$ns" get deployment "$release-shard-$s" >/dev/null 2>&1 && fail "shard $s's Deployment outlived sharding.shards=1"
done
deadline=$((SECONDS + 90))
until h=$(holder) && [ -n "$h" ] && k -n "$ns" get pod "${h%_*}" >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || fail "no pod of the unsharded Deployment holds Lease $release (holder: ${h:-none})"; sleep 1
done
out=$(admitted_or_refused - "$kubectl" -n org-mrpaints patch rolebindings.iam.trellis.dev krishna-incident-manager \
  --type merge -p '{"spec":{"expiresAt":"2096-12-31T00:00:00Z"}}') || fail "the webhook refused a write after unsharding: $out"
deadline=$((SECONDS + 90))
until k -n org-mrpaints get configmap conn-eu-grants -o jsonpath='{.data.grants\.json}' | grep -q '2096-12-31'; do
  [ $SECONDS -lt $deadline ] || fail "a change after unsharding never reached its document"; sleep 0.5
done
refusal=$(admitted_or_refused dan@globalpartners.com "${escalation//org-mrpaints/org-globalpartners}" || true)
echo "$refusal" | grep -q 'denied the request' || fail "after unsharding, dan's escalation was not refused: $refusal"
[ "$(partner_roles)" = "$(echo "incident-manager@Organization operation-support-analyst@Project/london ")" ] \
  || fail "krishna's partner access changed when unsharding: $(partner_roles)"
log "one Deployment again (leader ${h%_*}): a change reached its document, the webhook refused dan, krishna's access kept"

# ---------------------------------------------------------------------------------------------------------- uninstall
log "helm uninstall"
"$helm" uninstall "$release" -n "$ns" --wait --timeout 2m >/dev/null || fail "helm uninstall"
k -n "$ns" get deployments -l app.kubernetes.io/instance="$release" --no-headers 2>/dev/null | grep -q . \
  && fail "a Deployment outlived the release"
k get validatingwebhookconfiguration "$release-iam" >/dev/null 2>&1 && fail "the webhook registration outlived the release"
k get crd organizations.iam.trellis.dev >/dev/null || fail "helm uninstall removed the CRDs"
k get organization mrpaints >/dev/null || fail "helm uninstall removed the organizations"
log "uninstalled: release objects gone, CRDs and organizations kept"
log "PASSED in $SECONDS s"

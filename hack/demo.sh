#!/usr/bin/env bash
# `make demo`: the partnership story of MrPaints (a customer) and GlobalPartners (its managed service
# provider), step by step on the local control plane, printing what changes at each step.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# A control plane of its own, started empty, so the story starts from the beginning every time.
export TRELLIS_STATE="$PWD/.trellis/demo"
TRELLIS_STATE="$TRELLIS_STATE" hack/cluster.sh down 2>/dev/null || true
rm -rf "$TRELLIS_STATE"
source hack/lib.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ kubectl %s\n' "$*"; "$kubectl" "$@"; }
wait_for() { "$kubectl" wait --timeout=60s "$@" >/dev/null; }
# The grants of one subject in a connector's document, one line per resource.
grants_of() {
  "$kubectl" get configmap "$2-grants" -n org-mrpaints -o jsonpath='{.data.grants\.json}' \
    | python3 hack/grants-of.py "$1"
}

start_stack
customer=(--as alice@mrpaints.com)     # MrPaints' partnership admin
partner=(--as raj@globalpartners.com)  # GlobalPartners' partnership admin

step "The two organizations, and MrPaints' hierarchy (folders, projects, resources, connectors)"
"$kubectl" apply --server-side -f config/samples/organizations.yaml >/dev/null
wait_for --for=condition=Ready organization/mrpaints organization/globalpartners
"$kubectl" apply --server-side -f config/samples/10-hierarchy.yaml >/dev/null
"$kubectl" apply --server-side -n org-globalpartners -f - >/dev/null <<'EOT'
apiVersion: iam.trellis.dev/v1alpha1
kind: Member
metadata: {name: krishna}
spec: {type: User, email: krishna@globalpartners.com}
EOT
# Alice and raj are members of their organizations: partnership administrators, and alice administers folder eu.
# Trellis's admission webhook lets each of them grant only what Trellis grants them.
"$kubectl" apply --server-side -n org-mrpaints -f - >/dev/null <<'EOT'
apiVersion: iam.trellis.dev/v1alpha1
kind: Member
metadata: {name: alice}
spec: {type: User, email: alice@mrpaints.com}
---
# An account owner, so that her domain is one MrPaints allows (its spec.domainRestriction).
apiVersion: iam.trellis.dev/v1alpha1
kind: RoleBinding
metadata: {name: alice-owner}
spec: {role: observability-account-owner, subject: {kind: Member, name: alice}, scope: {kind: Organization}}
---
apiVersion: iam.trellis.dev/v1alpha1
kind: RoleBinding
metadata: {name: alice-partnerships}
spec: {role: partnership-admin, subject: {kind: Member, name: alice}, scope: {kind: Organization}}
---
apiVersion: iam.trellis.dev/v1alpha1
kind: RoleBinding
metadata: {name: alice-eu-admin}
spec: {role: folder-or-project-admin, subject: {kind: Member, name: alice}, scope: {kind: Folder, name: eu}}
EOT
"$kubectl" apply --server-side -n org-globalpartners -f - >/dev/null <<'EOT'
apiVersion: iam.trellis.dev/v1alpha1
kind: Member
metadata: {name: raj}
spec: {type: User, email: raj@globalpartners.com}
---
apiVersion: iam.trellis.dev/v1alpha1
kind: RoleBinding
metadata: {name: raj-partnerships}
spec: {role: partnership-admin, subject: {kind: Member, name: raj}, scope: {kind: Organization}}
EOT
wait_for --for=condition=Ready -n org-mrpaints rolebindings.iam.trellis.dev/alice-partnerships rolebindings.iam.trellis.dev/alice-eu-admin
wait_for --for=condition=Ready -n org-globalpartners rolebindings.iam.trellis.dev/raj-partnerships
# Each organization's admin may manage Trellis objects in its own namespace only (Kubernetes RBAC).
"$kubectl" apply --server-side -f - >/dev/null <<'EOT'
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: trellis-organization-editor}
rules:
  - apiGroups: [iam.trellis.dev]
    resources: ["*"]
    verbs: [get, list, watch, create, patch, update, delete]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: alice-edits-trellis, namespace: org-mrpaints}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: trellis-organization-editor}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice@mrpaints.com}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: raj-edits-trellis, namespace: org-globalpartners}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: trellis-organization-editor}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: raj@globalpartners.com}]
EOT
show get org
partner_id=$("$kubectl" get org globalpartners -o jsonpath='{.status.orgId}')
customer_id=$("$kubectl" get org mrpaints -o jsonpath='{.status.orgId}')

step "1. GlobalPartners shares its orgId ($partner_id); MrPaints (alice) initiates the partnership"
"$kubectl" "${customer[@]}" apply --server-side -n org-mrpaints -f - >/dev/null <<EOT
apiVersion: iam.trellis.dev/v1alpha1
kind: Partnership
metadata: {name: globalpartners}
spec: {partnerOrgId: $partner_id}
EOT
wait_for --for=jsonpath='{.status.phase}'=Initiated -n org-mrpaints partnership/globalpartners
show get pship -n org-mrpaints

step "2. GlobalPartners (raj) accepts, in its own namespace, naming MrPaints' orgId: trust is established"
"$kubectl" "${partner[@]}" apply --server-side -n org-globalpartners -f - >/dev/null <<EOT
apiVersion: iam.trellis.dev/v1alpha1
kind: PartnershipAcceptance
metadata: {name: mrpaints}
spec: {customerOrgId: $customer_id, partnership: globalpartners, members: []}
EOT
wait_for --for=jsonpath='{.status.phase}'=Established -n org-mrpaints partnership/globalpartners
show get pship -n org-mrpaints
show get pacc -n org-globalpartners

step "3. GlobalPartners adds krishna to the partnership"
"$kubectl" "${partner[@]}" patch pacc mrpaints -n org-globalpartners --type merge -p '{"spec":{"members":["krishna"]}}' >/dev/null
wait_for --for=jsonpath='{.status.members[0]}'=krishna -n org-mrpaints partnership/globalpartners
show get pship globalpartners -n org-mrpaints -o jsonpath='{.status.members}{"\n"}'

step "4. MrPaints gives krishna least privilege: operation support analyst on project london only"
"$kubectl" "${customer[@]}" apply --server-side -n org-mrpaints -f - >/dev/null <<'EOT'
apiVersion: iam.trellis.dev/v1alpha1
kind: RoleBinding
metadata: {name: krishna-london-analyst}
spec:
  role: operation-support-analyst
  subject: {kind: PartnerMember, partnership: globalpartners, name: krishna}
  scope: {kind: Project, name: london}
EOT
wait_for --for=jsonpath='{.status.effective}'=true -n org-mrpaints rolebindings.iam.trellis.dev/krishna-london-analyst
show get trb -n org-mrpaints
echo "krishna's entries in conn-eu-grants:"; grants_of krishna@globalpartners.com conn-eu
echo "krishna's entries in conn-us-grants:"; grants_of krishna@globalpartners.com conn-us
wait_for --for=jsonpath='{.status.partnerAccess[0].organization}'=mrpaints -n org-globalpartners member/krishna
echo "krishna can switch to (Member.status.partnerAccess):"
"$kubectl" get member krishna -n org-globalpartners -o jsonpath='{range .status.partnerAccess[*]}  {.organization} ({.namespace}) via {.partnership}: {.roles}{"\n"}{end}'

step "5. MrPaints pauses the partnership: krishna's access is suspended at once"
"$kubectl" "${customer[@]}" patch pship globalpartners -n org-mrpaints --type merge -p '{"spec":{"paused":true}}' >/dev/null
wait_for --for=jsonpath='{.status.phase}'=Paused -n org-mrpaints partnership/globalpartners
wait_for --for=jsonpath='{.status.effective}'=false -n org-mrpaints rolebindings.iam.trellis.dev/krishna-london-analyst
show get pship,trb -n org-mrpaints
grants_of krishna@globalpartners.com conn-eu

step "6. MrPaints resumes it: access is back"
"$kubectl" "${customer[@]}" patch pship globalpartners -n org-mrpaints --type merge -p '{"spec":{"paused":false}}' >/dev/null
wait_for --for=jsonpath='{.status.effective}'=true -n org-mrpaints rolebindings.iam.trellis.dev/krishna-london-analyst
show get pship -n org-mrpaints
grants_of krishna@globalpartners.com conn-eu

step "7. MrPaints terminates it: final, on both sides"
"$kubectl" "${customer[@]}" patch pship globalpartners -n org-mrpaints --type merge -p '{"spec":{"terminated":true}}' >/dev/null
wait_for --for=jsonpath='{.status.phase}'=Terminated -n org-mrpaints partnership/globalpartners
wait_for --for=jsonpath='{.status.phase}'=Terminated -n org-globalpartners partnershipacceptance/mrpaints
show get pship -n org-mrpaints
show get pacc -n org-globalpartners
grants_of krishna@globalpartners.com conn-eu
echo "history:"
"$kubectl" get pship globalpartners -n org-mrpaints -o jsonpath='{range .status.history[*]}  {.time} {.phase} {.reason}{"\n"}{end}'
echo "trying to undo the termination:"
"$kubectl" "${customer[@]}" patch pship globalpartners -n org-mrpaints --type merge -p '{"spec":{"terminated":false}}' 2>&1 | sed 's/^/  /' || true
echo "alice may not make herself organization admin: she grants only what Trellis grants her (admission):"
"$kubectl" "${customer[@]}" apply --server-side -n org-mrpaints -f - 2>&1 <<'EOT' | sed 's/^/  /' || true
apiVersion: iam.trellis.dev/v1alpha1
kind: RoleBinding
metadata: {name: alice-everything}
spec: {role: organization-admin, subject: {kind: Member, name: alice}, scope: {kind: Organization}}
EOT
echo "raj may not touch MrPaints' partnership (Kubernetes RBAC):"
"$kubectl" "${partner[@]}" delete pship globalpartners -n org-mrpaints 2>&1 | sed 's/^/  /' || true
echo "who did what (the API server's own audit log, $TRELLIS_STATE/audit.log):"
python3 hack/audit-of.py "$TRELLIS_STATE/audit.log" partnerships partnershipacceptances rolebindings

step "Done"

#!/usr/bin/env bash
# `make demo`: the partnership story of MrPaints (a customer) and GlobalPartners (its managed service
# provider), step by step on the local control plane, printing what changes at each step.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source hack/lib.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ kubectl %s\n' "$*"; "$kubectl" "$@"; }
wait_for() { "$kubectl" wait --timeout=60s "$@" >/dev/null; }
# The grants of one subject in a connector's document, one line per resource.
grants_of() {
  "$kubectl" get configmap "$2-grants" -n org-mrpaints -o jsonpath='{.data.grants\.json}' | python3 -c '
import json, sys
doc = json.load(sys.stdin)
found = [e for e in doc["entries"] if e["subject"] == sys.argv[1]]
for e in found:
    g = e["grants"][0]
    print(f"  {e[\"resource\"]}: {\",\".join(e[\"permissions\"])}  (role {g[\"role\"]} at {g[\"scope\"]} via {g[\"via\"]})")
if not found:
    print(f"  no entries for {sys.argv[1]}")
print(f"  revision {doc[\"revision\"]}")' "$1"
}

start_stack

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
show get org
partner_id=$("$kubectl" get org globalpartners -o jsonpath='{.status.orgId}')
customer_id=$("$kubectl" get org mrpaints -o jsonpath='{.status.orgId}')

step "1. GlobalPartners shares its orgId ($partner_id); MrPaints initiates the partnership"
"$kubectl" apply --server-side -n org-mrpaints -f - >/dev/null <<EOT
apiVersion: iam.trellis.dev/v1alpha1
kind: Partnership
metadata: {name: globalpartners}
spec: {partnerOrgId: $partner_id}
EOT
wait_for --for=jsonpath='{.status.phase}'=Initiated -n org-mrpaints partnership/globalpartners
show get pship -n org-mrpaints

step "2. GlobalPartners accepts (in its own namespace, naming MrPaints' orgId): trust is established"
"$kubectl" apply --server-side -n org-globalpartners -f - >/dev/null <<EOT
apiVersion: iam.trellis.dev/v1alpha1
kind: PartnershipAcceptance
metadata: {name: mrpaints}
spec: {customerOrgId: $customer_id, partnership: globalpartners, members: []}
EOT
wait_for --for=jsonpath='{.status.phase}'=Established -n org-mrpaints partnership/globalpartners
show get pship -n org-mrpaints
show get pacc -n org-globalpartners

step "3. GlobalPartners adds krishna to the partnership"
"$kubectl" patch pacc mrpaints -n org-globalpartners --type merge -p '{"spec":{"members":["krishna"]}}' >/dev/null
wait_for --for=jsonpath='{.status.members[0]}'=krishna -n org-mrpaints partnership/globalpartners
show get pship globalpartners -n org-mrpaints -o jsonpath='{.status.members}{"\n"}'

step "4. MrPaints gives krishna least privilege: operation support analyst on project london only"
"$kubectl" apply --server-side -n org-mrpaints -f - >/dev/null <<'EOT'
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
"$kubectl" patch pship globalpartners -n org-mrpaints --type merge -p '{"spec":{"paused":true}}' >/dev/null
wait_for --for=jsonpath='{.status.phase}'=Paused -n org-mrpaints partnership/globalpartners
wait_for --for=jsonpath='{.status.effective}'=false -n org-mrpaints rolebindings.iam.trellis.dev/krishna-london-analyst
show get pship,trb -n org-mrpaints
grants_of krishna@globalpartners.com conn-eu

step "6. MrPaints resumes it: access is back"
"$kubectl" patch pship globalpartners -n org-mrpaints --type merge -p '{"spec":{"paused":false}}' >/dev/null
wait_for --for=jsonpath='{.status.effective}'=true -n org-mrpaints rolebindings.iam.trellis.dev/krishna-london-analyst
show get pship -n org-mrpaints
grants_of krishna@globalpartners.com conn-eu

step "7. MrPaints terminates it: final, on both sides"
"$kubectl" patch pship globalpartners -n org-mrpaints --type merge -p '{"spec":{"terminated":true}}' >/dev/null
wait_for --for=jsonpath='{.status.phase}'=Terminated -n org-mrpaints partnership/globalpartners
wait_for --for=jsonpath='{.status.phase}'=Terminated -n org-globalpartners partnershipacceptance/mrpaints
show get pship -n org-mrpaints
show get pacc -n org-globalpartners
grants_of krishna@globalpartners.com conn-eu
echo "history:"
"$kubectl" get pship globalpartners -n org-mrpaints -o jsonpath='{range .status.history[*]}  {.time} {.phase} {.reason}{"\n"}{end}'
echo "trying to undo the termination:"
"$kubectl" patch pship globalpartners -n org-mrpaints --type merge -p '{"spec":{"terminated":false}}' 2>&1 | sed 's/^/  /' || true
echo "who did what (the API server's audit log, .trellis/audit.log):"
python3 - "$root/.trellis/audit.log" <<'EOT'
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    ref = e.get("objectRef", {})
    if ref.get("resource") in ("partnerships", "partnershipacceptances") and not ref.get("subresource"):
        print(f"  {e['requestReceivedTimestamp']} {e['user']['username']} {e['verb']} {ref['resource']}/{ref.get('name')} -> {e.get('responseStatus', {}).get('code')}")
EOT

step "Done"

#!/usr/bin/env bash
# Applies config/samples/ to the cluster in KUBECONFIG. Organizations go first (Trellis creates the
# namespaces the rest lives in); placeholders "<organization>-orgid" are replaced with the orgIds that
# Trellis gave the organizations, which cannot be known in advance.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
kubectl=${KUBECTL:-kubectl}

"$kubectl" apply --server-side -f config/samples/organizations.yaml
# The samples' organizations only: others kept in the same cluster (a second `make run`) are none of its business.
"$kubectl" wait --for=condition=Ready --timeout=60s -f config/samples/organizations.yaml
substitutions=()
for org in $("$kubectl" get -f config/samples/organizations.yaml -o jsonpath='{.items[*].metadata.name}'); do
  substitutions+=(-e "s/\\b${org}-orgid\\b/$("$kubectl" get organization "$org" -o jsonpath='{.status.orgId}')/g")
done
for file in config/samples/*.yaml; do
  sed "${substitutions[@]}" "$file" | "$kubectl" apply --server-side -f -
done
# Invitations are accepted by their invitee only: each file in config/samples/invitee/ is created as the user
# its name says (impersonation, which the cluster admin may do; the admission policy checks the username).
for file in config/samples/invitee/*.yaml; do
  [ -e "$file" ] || continue
  user=$(basename "$file" .yaml)
  "$kubectl" get -f "$file" >/dev/null 2>&1 || "$kubectl" --as="$user" create -f "$file"
done

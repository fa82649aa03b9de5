-- Argo CD health of a Trellis PartnershipAcceptance, from its Ready condition. Generated from the state column of
-- docs/reasons.md (make argocd): transient is Progressing, terminal Degraded, inactive Suspended.
local reasons = {
  CustomerNotFound = "Degraded", -- terminal
  DuplicateAcceptance = "Degraded", -- terminal
  NoOrganization = "Degraded", -- terminal
  NotInvited = "Degraded", -- terminal
  PartnershipNotEstablished = "Progressing", -- transient
  PartnershipNotFound = "Degraded", -- terminal
  Paused = "Suspended", -- inactive
  ReconcileError = "Degraded", -- terminal
  Terminated = "Suspended", -- inactive
}
local hs = {}
if obj.status == nil or obj.status.conditions == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for Trellis to reconcile"
  return hs
end
if obj.metadata.generation ~= nil and obj.status.observedGeneration ~= nil
    and obj.status.observedGeneration < obj.metadata.generation then
  hs.status = "Progressing"
  hs.message = "Waiting for Trellis to reconcile generation " .. obj.metadata.generation
  return hs
end
for _, condition in ipairs(obj.status.conditions) do
  if condition.type == "Ready" then
    if condition.status == "True" then
      hs.status = "Healthy"
    elseif condition.status == "False" then
      hs.status = reasons[condition.reason] or "Degraded"
    else
      hs.status = "Progressing"
    end
    hs.message = (condition.reason or "") .. ": " .. (condition.message or "")
    return hs
  end
end
hs.status = "Progressing"
hs.message = "Waiting for Trellis to report Ready"
return hs

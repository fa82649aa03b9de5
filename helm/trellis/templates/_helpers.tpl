{{- define "trellis.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "trellis.serviceAccountName" -}}
{{- default (include "trellis.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{- define "trellis.labels" -}}
app.kubernetes.io/name: trellis
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "trellis.selectorLabels" -}}
app.kubernetes.io/name: trellis
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "trellis.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{- define "trellis.webhookServiceName" -}}
{{- printf "%s-webhook" (include "trellis.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "trellis.webhookSecretName" -}}
{{- default (printf "%s-webhook-tls" (include "trellis.fullname" .)) .Values.webhook.existingSecret -}}
{{- end -}}

{{/*
The webhook Services the serving certificate must name, comma-separated: <release>-webhook, and with shards
<release>-webhook-shard-k for each shard k (the API server checks the name of the Service it calls).
*/}}
{{- define "trellis.webhookServices" -}}
{{- $svc := include "trellis.webhookServiceName" . -}}
{{- $services := list $svc -}}
{{- $shards := int .Values.sharding.shards -}}
{{- if gt $shards 1 -}}
{{- range $k := until $shards -}}{{- $services = append $services (printf "%s-shard-%d" $svc $k) -}}{{- end -}}
{{- end -}}
{{- join "," $services -}}
{{- end -}}

{{/*
The webhook's serving certificate and its CA, as JSON of base64 PEM {"ca", "crt", "key", "bundle"}: the Secret the
chart made on an earlier install when there is one and it names the same Services (so upgrades keep it and pods are
not restarted for nothing; its annotation iam.trellis.dev/webhook-services says which, absent on Secrets made before
shards, which named <release>-webhook only), else a new CA and certificate for the Services' DNS names. Changing
sharding.shards thus makes a new one, and then "bundle" holds the new CA and the previous Secret's, for the
registration's caBundle. Made once per render: every template that asks gets the same one.
*/}}
{{- define "trellis.webhookCertificate" -}}
{{- if .Values.webhook.existingSecret -}}
{{- toJson (dict "ca" .Values.webhook.caBundle "secret" .Values.webhook.existingSecret) -}}
{{- else -}}
{{- if not (hasKey .Values.webhook "generated") -}}
{{- $name := include "trellis.webhookSecretName" . -}}
{{- $svc := include "trellis.webhookServiceName" . -}}
{{- $services := include "trellis.webhookServices" . -}}
{{- $existing := lookup "v1" "Secret" .Release.Namespace $name -}}
{{- $named := "" -}}
{{- if $existing -}}{{- $named = dig "metadata" "annotations" "iam.trellis.dev/webhook-services" $svc $existing -}}{{- end -}}
{{- if and $existing (hasKey $existing "data") (hasKey $existing.data "ca.crt") (hasKey $existing.data "tls.crt") (hasKey $existing.data "tls.key") (eq $named $services) -}}
{{- $_ := set .Values.webhook "generated" (dict "ca" (index $existing.data "ca.crt") "crt" (index $existing.data "tls.crt") "key" (index $existing.data "tls.key")) -}}
{{- else -}}
{{- $ns := .Release.Namespace -}}
{{- $dns := list -}}
{{- range $s := splitList "," $services -}}
{{- $dns = concat $dns (list $s (printf "%s.%s" $s $ns) (printf "%s.%s.svc" $s $ns) (printf "%s.%s.svc.cluster.local" $s $ns)) -}}
{{- end -}}
{{- $ca := genCA (printf "%s-webhook-ca" (include "trellis.fullname" .)) 3650 -}}
{{- $cert := genSignedCert (printf "%s.%s.svc" $svc $ns) nil $dns 3650 $ca -}}
{{- /* Pods of the previous release serve the previous certificate until they stop: the API server trusts both CAs
       meanwhile, so a write they admit is not refused for an unknown authority. */ -}}
{{- $bundle := $ca.Cert -}}
{{- if and $existing (hasKey $existing "data") (hasKey $existing.data "ca.crt") -}}
{{- $bundle = printf "%s\n%s" (trimSuffix "\n" $ca.Cert) (index $existing.data "ca.crt" | b64dec) -}}
{{- end -}}
{{- $_ := set .Values.webhook "generated" (dict "ca" ($ca.Cert | b64enc) "bundle" ($bundle | b64enc) "crt" ($cert.Cert | b64enc) "key" ($cert.Key | b64enc)) -}}
{{- end -}}
{{- end -}}
{{- toJson .Values.webhook.generated -}}
{{- end -}}
{{- end -}}

{{/* With shards, the suffix of shard k's objects and the label that selects its pods: call with (list $ $k). */}}
{{- define "trellis.shardSuffix" -}}
{{- $shards := int (index . 0).Values.sharding.shards -}}
{{- if gt $shards 1 -}}-shard-{{ index . 1 }}{{- end -}}
{{- end -}}

{{- define "trellis.shardSelectorLabels" -}}
{{ include "trellis.selectorLabels" (index . 0) }}
{{- $shards := int (index . 0).Values.sharding.shards }}
{{- if gt $shards 1 }}
iam.trellis.dev/shard: "{{ index . 1 }}-of-{{ $shards }}"
{{- end }}
{{- end -}}

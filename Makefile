# Trellis: the front door. `make help` lists every target.
SHELL := /usr/bin/env bash
.DEFAULT_GOAL := help

include hack/control-plane/versions.env
TRELLIS_CACHE ?= $(HOME)/.cache/trellis
BIN := $(TRELLIS_CACHE)/k8s/$(K8S_VERSION)-linux-amd64
KUBECTL := $(BIN)/kubectl
HELM := $(BIN)/helm
MVN := ./mvnw -B -ntp
export TRELLIS_CACHE

.PHONY: help
help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: control-plane
control-plane: ## Build kube-apiserver, etcd, kubectl, kube-controller-manager and helm from the Go module proxy (cold: 15-30 min)
	hack/control-plane/build.sh

.PHONY: build
build: ## Build the operator jar (target/quarkus-app/quarkus-run.jar)
	$(MVN) package -DskipTests

.PHONY: plugin
plugin: build ## Package the kubectl plugin `kubectl trellis` as target/kubectl-trellis.tar.gz and print its sha256 for plugins/krew/trellis.yaml
	hack/plugin.sh

.PHONY: crds
crds: ## Regenerate crds/ and helm/trellis/crds/ from the api classes
	$(MVN) test -Dtest=CrdDriftTest -Dtrellis.crds.update=true -Dsurefire.failIfNoSpecifiedTests=false

.PHONY: argocd
argocd: ## Regenerate config/argocd/ (Argo CD health checks) from the state column of docs/reasons.md
	$(MVN) test -Dtest=ArgoHealthIT -Dtrellis.argocd.update=true -Dsurefire.failIfNoSpecifiedTests=false

.PHONY: conformance
conformance: ## Regenerate config/schema/conformance/ (grants-document reader cases) with the operator's renderer and signer
	$(MVN) test -Dtest=ConformanceFixturesTest -Dtrellis.conformance.write=true -Dsurefire.failIfNoSpecifiedTests=false

.PHONY: test
test: format-check control-plane ## Check the formatting, then run every test; integration tests use a real kube-apiserver, etcd and kube-controller-manager
	$(MVN) verify

.PHONY: property
property: ## The model's property tests on 10 000 random organizations and 10 000 mutation sequences (make test runs 300); SEEDS=n for another count
	$(MVN) test -Dtest='GrantResolutionPropertyTest,MutationSequencePropertyTest,ResolutionMemoSequenceTest' -Dtrellis.property.seeds=$${SEEDS:-10000} -Dsurefire.failIfNoSpecifiedTests=false

.PHONY: unit-test
unit-test: ## Run the tests that need no API server (*Test)
	$(MVN) test -Dsurefire.includes='**/*Test.java' -Dtest='*Test'

.PHONY: format
format: ## Format the Java sources (src/main/java, src/test/java) as config/format/eclipse-java.xml says; sort imports, drop unused ones
	$(MVN) spotless:apply

.PHONY: format-check
format-check: ## Fail, showing the difference, if `make format` would change a Java source (`make test`, and so CI, runs it first)
	$(MVN) spotless:check

.PHONY: cluster-up
cluster-up: control-plane ## Start the local control plane (state in .trellis/); NODE=1 adds a node that runs pods (root)
	hack/cluster.sh up

.PHONY: node-deps
node-deps: ## Install containerd, runc, CNI plugins, iptables, debootstrap from Debian packages (root; for NODE=1, image, e2e)
	hack/node/deps.sh

.PHONY: image
image: build ## Build the operator image as an OCI archive, target/image/trellis-operator.tar (BASE=debian|<oci archive>)
	hack/image/build.sh

.PHONY: e2e
e2e: control-plane node-deps build ## helm install on a cluster with a node (the local one, or KUBECONFIG with IMAGE=): docs/installing.md
	hack/e2e.sh

.PHONY: chaos-start
chaos-start: control-plane ## Start the operator while its API server refuses every connection: it must not exit, must say not ready, then converge
	hack/chaos/flaky-start.sh

.PHONY: chaos-restart
chaos-restart: control-plane ## Restart kube-apiserver, then etcd, while bindings stream in: the operator stays up and its document ends exact
	hack/chaos/restarts.sh

.PHONY: chaos-kill
chaos-kill: control-plane ## Kill the operator 20 times and restart the control plane during a cold convergence (medium), then its leader during changes: no wrong or lost entry in any write
	hack/chaos/kill.sh

# CHAOS=short (CI): the kill test on 6 organizations of the medium preset instead of 50.
.PHONY: chaos
chaos: export CHAOS_SUMMARY = $(CURDIR)/target/chaos-summary.md
chaos: control-plane ## Every fault test of hack/chaos/ and one table (docs/reliability.md); CHAOS=short for CI's size
	@mkdir -p target && rm -f $(CHAOS_SUMMARY)
	hack/chaos/flaky-start.sh
	hack/chaos/restarts.sh
	$(if $(filter short,$(CHAOS)),ORGS=6) hack/chaos/kill.sh
	@hack/chaos/summary.sh 3

.PHONY: cluster-down
cluster-down: ## Stop the local control plane
	hack/cluster.sh down

.PHONY: install
install: ## Apply crds/, the predefined roles (config/roles/) and the invitation policy (config/admission/)
	$(KUBECTL) apply --server-side --force-conflicts -k crds
	$(KUBECTL) wait --for condition=established --timeout=60s crd -l app.kubernetes.io/part-of=trellis
	$(KUBECTL) apply --server-side --force-conflicts -k config/roles
	$(KUBECTL) apply --server-side --force-conflicts -k config/admission

.PHONY: run
run: ## Build what is missing, start the local cluster, install, run the operator, apply the samples (Ctrl-C stops all)
	hack/run.sh

.PHONY: demo
demo: ## Run the MrPaints / GlobalPartners partnership story step by step on the local control plane
	hack/demo.sh

.PHONY: bench
bench: control-plane ## Scale benchmark (PRESET=smoke|medium|large, default medium): table + docs/benchmarks-history.md
	PRESET=$(or $(PRESET),medium) hack/bench/run.sh

.PHONY: shards-smoke
shards-smoke: control-plane ## Two operator processes, each serving its shard's organizations, on the smoke scenario (partnerships across shards): every document right
	PRESET=smoke BENCH_ARGS='-Dtrellis.bench.shards=2 -Dtrellis.bench.record=false -Dtrellis.bench.jfr=false -Dtrellis.bench.coldRestarts=1' hack/bench/run.sh

.PHONY: bench-hnc
bench-hnc: control-plane ## The Hierarchical Namespace Controller on the 50-organization tree: peak RSS, CPU (docs/benchmarks.md)
	hack/bench/hnc.sh

.PHONY: bench-admission
bench-admission: control-plane ## What the admission webhook adds to a RoleBinding create: p50/p99 with and without it
	$(MVN) test -Dtest=AdmissionLatencyRun -Dsurefire.failIfNoSpecifiedTests=false | grep -E '^\||each, one after'

.PHONY: helm-template
helm-template: ## Render the Helm chart
	$(HELM) template trellis helm/trellis --namespace trellis-system --include-crds --kube-version $(K8S_VERSION)

.PHONY: clean
clean: ## Remove build output and the local cluster's state
	-hack/cluster.sh down
	-NODE=1 TRELLIS_STATE=.trellis-e2e hack/cluster.sh down
	rm -rf target .trellis .trellis-e2e

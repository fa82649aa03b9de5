#!/usr/bin/env bash
# `make plugin`: target/kubectl-trellis.tar.gz, the kubectl plugin as krew installs it: the launcher
# hack/kubectl-trellis at the top and every jar it needs in lib/ (the operator's own, from target/quarkus-app).
# The archive is reproducible (sorted, no timestamps or owners), so its sha256 names the build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
app=target/quarkus-app
[ -d "$app/app" ] || { echo "error: $app is missing: run make build first" >&2; exit 1; }
stage=target/kubectl-trellis
rm -rf "$stage"
mkdir -p "$stage/lib"
cp hack/kubectl-trellis "$stage/"
cp "$app"/app/*.jar "$app"/lib/main/*.jar "$app"/lib/boot/*.jar "$stage/lib/"
tar -C "$stage" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - kubectl-trellis lib \
  | gzip -n > target/kubectl-trellis.tar.gz
sha=$(sha256sum target/kubectl-trellis.tar.gz | cut -d' ' -f1)
echo "target/kubectl-trellis.tar.gz ($(du -h target/kubectl-trellis.tar.gz | cut -f1))"
echo "sha256: $sha"
echo "install it: kubectl krew install --manifest=plugins/krew/trellis.yaml --archive=target/kubectl-trellis.tar.gz"
echo "(set sha256: $sha in plugins/krew/trellis.yaml first, and uri: to where you publish the archive)"

#!/usr/bin/env bash
# Installs, from Debian's packages, what the local node and the image build need: containerd, runc, the CNI plugins,
# iptables and conntrack (kube-proxy), debootstrap (the image's Debian base) and gcc's static libc (the pause image).
# Idempotent: installs nothing when everything is there. Needs root and Debian's package mirror.
set -euo pipefail
log() { printf '[node-deps] %s\n' "$*" >&2; }
packages=(containerd runc containernetworking-plugins iptables conntrack debootstrap libc6-dev gcc)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  log "already installed: ${packages[*]}"
  exit 0
fi
[ "$(id -u)" = 0 ] || { log "installing ${missing[*]} needs root"; exit 1; }
log "installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The node runs its own containerd (hack/node/node.sh); the package's service, where one starts, is not used.
log "installed: $(containerd --version | awk '{print $3}') containerd, $(runc --version | head -1)"

#!/usr/bin/env bash
# Builds the operator image without a container engine: an OCI image archive, target/image/trellis-operator.tar,
# that `ctr images import`, `skopeo copy oci-archive:...`, `crane push` and `docker load` read.
#   BASE=debian (default)        a JRE base made here from Debian packages (debootstrap: bookworm, minbase,
#                                openjdk-17-jre-headless), cached in $TRELLIS_CACHE/images/; needs root and
#                                debootstrap (`make node-deps`), and reaches only Debian's package mirror
#   BASE=/path/base.tar          any OCI image archive with a Java 17+ `java` on its PATH, for example
#                                `skopeo copy docker://eclipse-temurin:17-jre oci-archive:base.tar`
#   IMAGE=trellis/trellis-operator:<version>   the name and tag the archive carries
# The operator's layers (dependencies, then the application) are reproducible: the same jar gives the same digest.
# Prints the image's digest.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache=${TRELLIS_CACHE:-$HOME/.cache/trellis}
version=$(sed -n 's/^appVersion: "\(.*\)"/\1/p' "$root/helm/trellis/Chart.yaml")
image=${IMAGE:-trellis/trellis-operator:$version}
base=${BASE:-debian}
out=${OUT:-$root/target/image/trellis-operator.tar}
app="$root/target/quarkus-app"
log() { printf '[image] %s\n' "$*" >&2; }

# The Debian base: a minimal bookworm with the JRE, a `trellis` user (65532) and nothing the JRE does not need.
debian_base() {
  local tar="$cache/images/debian-bookworm-jre17.tar"
  if [ -f "$tar" ]; then echo "$tar"; return; fi
  [ "$(id -u)" = 0 ] || { log "building the Debian base needs root (debootstrap); or set BASE to an OCI archive"; exit 1; }
  command -v debootstrap >/dev/null || { log "no debootstrap: run make node-deps"; exit 1; }
  mkdir -p "$cache/images"
  local fs; fs=$(mktemp -d "$cache/images/rootfs.XXXXXX")
  log "building the Debian base (debootstrap bookworm + openjdk-17-jre-headless; a few minutes) ..."
  local start=$SECONDS
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$fs" \
    "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" > "$cache/images/debootstrap.log" 2>&1 \
    || { log "debootstrap failed; see $cache/images/debootstrap.log"; rm -rf "$fs"; exit 1; }
  echo 'trellis:x:65532:65532:trellis:/nonexistent:/usr/sbin/nologin' >> "$fs/etc/passwd"
  echo 'trellis:x:65532:' >> "$fs/etc/group"
  rm -rf "$fs"/usr/share/doc/* "$fs"/usr/share/man/* "$fs"/usr/share/info/* "$fs"/usr/share/locale/* \
    "$fs"/var/cache/apt/* "$fs"/var/lib/apt/lists/* "$fs"/var/log/* "$fs"/var/cache/debconf/*-old
  local java_home
  java_home=$(dirname "$(dirname "$(readlink -f "$fs/usr/bin/java" | sed "s|^$fs||")")")
  cat > "$fs.json" <<EOF
{"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "JAVA_HOME=$java_home",
         "LANG=C.UTF-8"],
 "Labels": {"org.opencontainers.image.base.name": "debian:bookworm (debootstrap minbase) + openjdk-17-jre-headless"}}
EOF
  python3 "$root/hack/image/oci.py" build --base scratch --layer "$fs" --config "$fs.json" \
    --name trellis.local/debian-jre:17 --out "$tar" >/dev/null
  rm -rf "$fs" "$fs.json"
  log "Debian base built in $((SECONDS - start)) s: $tar"
  echo "$tar"
}

[ -f "$app/quarkus-run.jar" ] || { log "no $app: run make build"; exit 1; }
[ "$base" = debian ] && base=$(debian_base)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Two layers under /app: the dependencies (change rarely) and the application with Quarkus' generated code.
mkdir -p "$work/deps" "$work/app"
cp -r "$app/lib" "$work/deps/"
cp -r "$app/app" "$app/quarkus" "$app/quarkus-run.jar" "$work/app/"
revision=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)
cat > "$work/config.json" <<EOF
{"User": "65532:65532",
 "WorkingDir": "/app",
 "Entrypoint": ["java", "-Djava.io.tmpdir=/tmp", "-jar", "/app/quarkus-run.jar"],
 "Env": ["JDK_JAVA_OPTIONS=-XX:MaxRAMPercentage=55 -XX:+ExitOnOutOfMemoryError"],
 "Cmd": [],
 "ExposedPorts": {"8080/tcp": {}, "8443/tcp": {}},
 "Labels": {"org.opencontainers.image.title": "trellis-operator", "org.opencontainers.image.version": "$version",
            "org.opencontainers.image.revision": "$revision"}}
EOF
mkdir -p "$(dirname "$out")"
digest=$(python3 "$root/hack/image/oci.py" build --base "$base" --layer "$work/deps:/app" --layer "$work/app:/app" \
  --config "$work/config.json" --name "$image" --out "$out")
log "$image $digest -> $out ($(du -h "$out" | cut -f1))"
echo "$digest"

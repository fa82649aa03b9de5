#!/usr/bin/env python3
"""Builds an OCI image archive without a container engine, reproducibly.

    oci.py build --base BASE.tar|scratch --layer DIR[:PREFIX] ... --config CONFIG.json --name NAME:TAG --out OUT.tar

BASE is an OCI image archive (an OCI layout in a tar: oci-layout, index.json, blobs/), such as one this script wrote,
or one `skopeo copy docker://eclipse-temurin:17-jre oci-archive:base.tar` or `crane pull --format oci` made.
Each --layer adds the contents of DIR (under PREFIX inside the image, default /) as one gzip layer. CONFIG is merged
into the base image's config (keys of the OCI config's "config" object: User, Entrypoint, Cmd, Env, WorkingDir,
Labels, ExposedPorts). Env entries replace the base's entries of the same name.

Every layer is written with fixed timestamps (SOURCE_DATE_EPOCH, default 0), owner root, entries in name order and
gzip without a name or time, so the same inputs give the same digests. The output is an OCI archive that also
carries a Docker-style manifest.json, so `ctr images import`, `skopeo`, `crane` and `docker load` all read it.

    oci.py digest OUT.tar     prints the manifest digest (sha256:...)
"""
import argparse
import gzip
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import tempfile

EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
SKIP_TOP = {"proc", "sys", "dev", "run", "tmp"}  # the runtime mounts these; their contents never belong in a layer


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class Blobs:
    def __init__(self, root):
        self.root = root
        os.makedirs(os.path.join(root, "blobs", "sha256"), exist_ok=True)

    def path(self, digest):
        return os.path.join(self.root, "blobs", "sha256", digest.split(":", 1)[1])

    def put_bytes(self, data):
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        with open(self.path(digest), "wb") as f:
            f.write(data)
        return digest, len(data)

    def put_file(self, src):
        digest = "sha256:" + sha256_file(src)
        shutil.move(src, self.path(digest))
        return digest, os.path.getsize(self.path(digest))


def layer_from_dir(directory, prefix, workdir):
    """Writes DIR as a deterministic tar, gzips it deterministically; returns (gz path, diff_id)."""
    raw = os.path.join(workdir, "layer.tar")
    prefix = prefix.strip("/")
    with tarfile.open(raw, "w", format=tarfile.PAX_FORMAT) as tar:
        # Parent directories of the prefix, so that the layer stands alone.
        parts = [p for p in prefix.split("/") if p]
        for i in range(len(parts)):
            info = tarfile.TarInfo("/".join(parts[: i + 1]))
            info.type, info.mode = tarfile.DIRTYPE, 0o755
            normalise(info)
            tar.addfile(info)
        for current, dirs, files in os.walk(directory):
            dirs.sort()
            rel = os.path.relpath(current, directory)
            if rel == ".":
                dirs[:] = [d for d in dirs if not (prefix == "" and d in SKIP_TOP)]
                for d in SKIP_TOP:
                    if prefix == "" and os.path.isdir(os.path.join(directory, d)):
                        info = tarfile.TarInfo(d)
                        info.type, info.mode = tarfile.DIRTYPE, 0o1777 if d == "tmp" else 0o755
                        normalise(info)
                        tar.addfile(info)
            for name in sorted(dirs + files):
                full = os.path.join(current, name)
                arc = os.path.normpath(os.path.join(prefix, rel, name))
                info = tar.gettarinfo(full, arcname=arc)
                if info is None or not (info.isreg() or info.isdir() or info.issym() or info.islnk()):
                    continue  # sockets, fifos and device nodes have no place in an image
                normalise(info)
                if info.isreg():
                    with open(full, "rb") as f:
                        tar.addfile(info, f)
                else:
                    tar.addfile(info)
    diff_id = "sha256:" + sha256_file(raw)
    gz = raw + ".gz"
    with open(raw, "rb") as src, open(gz, "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=6) as z:
            shutil.copyfileobj(src, z, 1 << 20)
    os.remove(raw)
    return gz, diff_id


def normalise(info):
    info.mtime = EPOCH
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.pax_headers = {}
    if info.isreg() or info.isdir():
        info.mode &= 0o7777


def read_base(archive, blobs):
    """Copies the base image's blobs into BLOBS; returns (config dict, layer descriptors)."""
    with tarfile.open(archive) as tar:
        def member(name):
            return tar.extractfile(name.lstrip("./")) or tar.extractfile("./" + name)

        index = json.load(member("index.json"))
        desc = index["manifests"][0]
        manifest_blob = member("blobs/" + desc["digest"].replace(":", "/")).read()
        manifest = json.loads(manifest_blob)
        if manifest.get("mediaType", desc.get("mediaType", "")).endswith("image.index.v1+json") or "manifests" in manifest:
            # A multi-platform index: take the linux/amd64 manifest.
            chosen = next(m for m in manifest["manifests"]
                          if m.get("platform", {}).get("architecture") == "amd64"
                          and m.get("platform", {}).get("os") == "linux")
            manifest = json.loads(member("blobs/" + chosen["digest"].replace(":", "/")).read())
        config = json.loads(member("blobs/" + manifest["config"]["digest"].replace(":", "/")).read())
        layers = []
        for layer in manifest["layers"]:
            data = member("blobs/" + layer["digest"].replace(":", "/"))
            with open(blobs.path(layer["digest"]), "wb") as out:
                shutil.copyfileobj(data, out, 1 << 20)
            media = layer["mediaType"].replace("application/vnd.docker.image.rootfs.diff.tar.gzip",
                                               "application/vnd.oci.image.layer.v1.tar+gzip")
            layers.append({"mediaType": media, "digest": layer["digest"], "size": layer["size"]})
    return config, layers


def merge_config(config, overrides):
    inner = config.setdefault("config", {})
    for key, value in overrides.items():
        if key == "Env":
            names = {e.split("=", 1)[0] for e in value}
            inner["Env"] = [e for e in inner.get("Env", []) if e.split("=", 1)[0] not in names] + value
        elif key == "Labels":
            inner.setdefault("Labels", {}).update(value)
        else:
            inner[key] = value


def build(args):
    work = tempfile.mkdtemp(prefix="oci-", dir=os.path.dirname(os.path.abspath(args.out)) or ".")
    try:
        layout = os.path.join(work, "layout")
        blobs = Blobs(layout)
        if args.base == "scratch":
            config, layers = {"architecture": "amd64", "os": "linux", "config": {},
                              "rootfs": {"type": "layers", "diff_ids": []}}, []
        else:
            config, layers = read_base(args.base, blobs)
        for spec in args.layer:
            directory, _, prefix = spec.partition(":")
            gz, diff_id = layer_from_dir(directory, prefix or "/", work)
            digest, size = blobs.put_file(gz)
            layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": digest, "size": size})
            config["rootfs"]["diff_ids"].append(diff_id)
        with open(args.config) as f:
            merge_config(config, json.load(f))
        config["created"] = "1970-01-01T00:00:00Z"
        config.pop("history", None)
        config_digest, config_size = blobs.put_bytes(canonical(config))
        manifest = {
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                       "digest": config_digest, "size": config_size},
            "layers": layers,
        }
        manifest_digest, manifest_size = blobs.put_bytes(canonical(manifest))
        name = normalise_name(args.name)
        tag = name.rsplit(":", 1)[1] if ":" in name.rsplit("/", 1)[-1] else "latest"
        index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest,
            "size": manifest_size, "platform": {"architecture": "amd64", "os": "linux"},
            "annotations": {"io.containerd.image.name": name, "org.opencontainers.image.ref.name": tag}}]}
        write(os.path.join(layout, "index.json"), canonical(index))
        write(os.path.join(layout, "oci-layout"), b'{"imageLayoutVersion":"1.0.0"}')
        docker = [{"Config": "blobs/sha256/" + config_digest.split(":")[1], "RepoTags": [name],
                   "Layers": ["blobs/sha256/" + l["digest"].split(":")[1] for l in layers]}]
        write(os.path.join(layout, "manifest.json"), canonical(docker))
        tmp_out = args.out + ".part"
        with tarfile.open(tmp_out, "w", format=tarfile.PAX_FORMAT) as tar:
            for current, dirs, files in os.walk(layout):
                dirs.sort()
                for fname in sorted(dirs + files):
                    full = os.path.join(current, fname)
                    info = tar.gettarinfo(full, arcname=os.path.relpath(full, layout))
                    normalise(info)
                    if info.isreg():
                        with open(full, "rb") as f:
                            tar.addfile(info, f)
                    else:
                        tar.addfile(info)
        os.replace(tmp_out, args.out)
        print(manifest_digest)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def normalise_name(name):
    """The fully qualified name a runtime looks an image up by: trellis/op:1 -> docker.io/trellis/op:1."""
    first = name.split("/", 1)[0]
    if "/" not in name:
        return "docker.io/library/" + name
    if "." in first or ":" in first or first == "localhost":
        return name
    return "docker.io/" + name


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def digest(args):
    with tarfile.open(args.archive) as tar:
        index = json.load(tar.extractfile("index.json"))
    print(index["manifests"][0]["digest"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--base", required=True)
    b.add_argument("--layer", action="append", default=[])
    b.add_argument("--config", required=True)
    b.add_argument("--name", required=True)
    b.add_argument("--out", required=True)
    b.set_defaults(func=build)
    d = sub.add_parser("digest")
    d.add_argument("archive")
    d.set_defaults(func=digest)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    sys.exit(main())

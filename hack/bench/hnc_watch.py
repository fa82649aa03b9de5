#!/usr/bin/env python3
"""Watches one HNC manager process until the tree has converged, then prints one JSON line of figures.

Every --interval seconds (bounded by --timeout) it reads:
  - the number of RoleBindings labelled hnc.x-k8s.io/inherited-from (HNC's copies), a metadata-only list;
  - HNC's controller-runtime metrics: workqueue_depth and controller_runtime_reconcile_total, summed;
  - /proc/PID/status (VmRSS, VmHWM) and /proc/PID/stat (utime + stime) of HNC and of kube-apiserver;
  - at the start and the end, kube-apiserver's apiserver_request_total by verb and resource (for all clients: HNC is
    the only one that writes during a phase, and the watcher's own lists are counted as lists).
"copies" is the first poll at which the copies equal --expected; "idle" the first poll after which, with the copies
as expected, every work queue is empty and no reconcile has been counted for --quiet seconds (the time reported is
when that quiet period began, or the copies' time if later). Times are from --start (just before the manager was started).
Exits 1 on timeout or if HNC exits, after printing what it saw.
"""
import argparse
import json
import os
import ssl
import sys
import time
import urllib.request

TICK = os.sysconf("SC_CLK_TCK")


def proc(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    out[line.split(":")[0]] = int(line.split()[1]) / 1024
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        out["cpu"] = (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14 and 15)
    except (FileNotFoundError, ProcessLookupError):
        return None
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--apiserver-pid", type=int)
    ap.add_argument("--start", type=float, required=True)
    ap.add_argument("--server", required=True)
    ap.add_argument("--ca", required=True)
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--metrics", required=True)
    ap.add_argument("--expected", type=int, required=True)
    ap.add_argument("--interval", type=float, default=1.0)
    ap.add_argument("--quiet", type=float, default=5.0)
    ap.add_argument("--timeout", type=float, default=900)
    a = ap.parse_args()

    ctx = ssl.create_default_context(cafile=a.ca)
    ctx.load_cert_chain(a.cert, a.key)
    url = a.server + "/apis/rbac.authorization.k8s.io/v1/rolebindings?labelSelector=hnc.x-k8s.io%2Finherited-from"
    accept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"

    def copies():
        req = urllib.request.Request(url, headers={"Accept": accept})
        with urllib.request.urlopen(req, context=ctx, timeout=30) as r:
            return len(json.load(r).get("items") or [])  # null when there is none

    def metrics():
        depth, reconciles = 0.0, 0.0
        try:
            with urllib.request.urlopen(a.metrics, timeout=10) as r:
                for line in r.read().decode().splitlines():
                    if line.startswith("workqueue_depth{"):
                        depth += float(line.rsplit(" ", 1)[1])
                    elif line.startswith("controller_runtime_reconcile_total{"):
                        reconciles += float(line.rsplit(" ", 1)[1])
        except OSError:
            return None, None  # not serving yet
        return depth, reconciles

    def requests():
        counts = {}
        req = urllib.request.Request(a.server + "/metrics")
        with urllib.request.urlopen(req, context=ctx, timeout=30) as r:
            for line in r.read().decode().splitlines():
                if line.startswith("apiserver_request_total{"):
                    labels = dict(kv.split("=", 1) for kv in line[line.index("{") + 1:line.rindex("}")].split(","))
                    verb, resource = labels["verb"].strip('"'), labels.get("resource", '""').strip('"')
                    sub = labels.get("subresource", '""').strip('"')
                    key = f"{verb} {resource}" + (f"/{sub}" if sub else "")
                    counts[key] = counts.get(key, 0) + float(line.rsplit(" ", 1)[1])
        return counts

    api0 = proc(a.apiserver_pid) if a.apiserver_pid else None
    requests0 = requests()
    result = {"expected": a.expected}
    last_reconciles, quiet_since, next_log = None, None, 0
    status = 1
    while True:
        now = time.time()
        t = now - a.start
        p = proc(a.pid)
        if p is None:
            result["error"] = "HNC exited"
            break
        n = copies()
        depth, reconciles = metrics()
        result.update(copies=n, rss_mib=round(p["VmRSS"], 1), peak_rss_mib=round(p["VmHWM"], 1),
                      cpu_s=round(p["cpu"], 2), reconciles=reconciles)
        if n == a.expected and "copies_s" not in result:
            result.update(copies_s=round(t, 1), copies_peak_rss_mib=round(p["VmHWM"], 1),
                          copies_cpu_s=round(p["cpu"], 2))
        if reconciles is not None and reconciles != last_reconciles:
            last_reconciles, quiet_since = reconciles, (now, p)
        if n == a.expected and depth == 0 and quiet_since and now - quiet_since[0] >= a.quiet:
            # The last copies can show in the list after the last reconcile was counted: idle is not before them.
            q = quiet_since[1]
            result.update(idle_s=round(max(quiet_since[0] - a.start, result["copies_s"]), 1),
                          idle_peak_rss_mib=round(q["VmHWM"], 1), idle_cpu_s=round(q["cpu"], 2))
            status = 0
            break
        if t >= next_log:
            print(f"[hnc-watch] {t:6.1f} s: {n}/{a.expected} copies, queue {depth}, reconciles {reconciles}, "
                  f"RSS {p['VmRSS']:.0f} MiB (peak {p['VmHWM']:.0f}), CPU {p['cpu']:.1f} s", file=sys.stderr)
            next_log = t + 10
        if t > a.timeout:
            result["error"] = f"timeout after {a.timeout:.0f} s"
            break
        time.sleep(max(0.0, a.interval - (time.time() - now)))
    if api0:
        api1 = proc(a.apiserver_pid)
        if api1:
            result["apiserver_cpu_s"] = round(api1["cpu"] - api0["cpu"], 2)
    requests1 = requests()
    delta = {k: int(v - requests0.get(k, 0)) for k, v in requests1.items() if v - requests0.get(k, 0) >= 1}
    result["writes"] = {k: v for k, v in sorted(delta.items()) if k.split()[0] in ("POST", "PUT", "PATCH", "DELETE", "APPLY")}
    result["reads"] = sum(v for k, v in delta.items() if k.split()[0] in ("GET", "LIST"))
    with open("/proc/loadavg") as f:
        result["loadavg"] = " ".join(f.read().split()[:3])
    print(json.dumps(result))
    sys.exit(status)


if __name__ == "__main__":
    main()

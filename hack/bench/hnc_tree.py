#!/usr/bin/env python3
"""The 50-organization tree of docs/benchmarks.md ("Against the Hierarchical Namespace Controller") as HNC objects.

Per organization: one namespace for the organization, 10 folder namespaces nested up to depth 3 (a folder's parent
is the organization in 30 % of cases or when no folder is shallow enough, else a random folder of depth < 3), 40
project namespaces (80 % under a random folder, the rest under the organization), each child linked to its parent by
a HierarchyConfiguration; 10 members (10 % ServiceAccounts, the rest Users); 20 RoleBindings, each binding one
random member to one of the built-in ClusterRoles view / edit / admin, placed 8 % at the organization, 37 % at a
folder, 55 % at a project: the same shape rules as the Trellis scenario (src/test/java/dev/trellis/bench/Scenario.java),
drawn from Python's generator, so not the same draws.

HNC copies a RoleBinding into every descendant of its namespace and labels each copy hnc.x-k8s.io/inherited-from;
the expected number of copies is the sum over bindings of the number of descendants.

usage: hnc_tree.py OUT_DIR [--organizations 50 --folders 10 --projects 40 --members 10 --bindings 20 --seed 7
                           --chunks 4]
Writes OUT_DIR/{namespaces,hierarchy,rolebindings}-N.yaml (N < chunks) and OUT_DIR/tree.json (counts).
"""
import argparse
import json
import os
import random


def build(a):
    rnd = random.Random(a.seed)
    orgs = []
    for i in range(a.organizations):
        org = f"o{i:03d}"
        parent = {}  # namespace -> parent namespace
        depth = {}
        folders = []
        for f in range(a.folders):
            shallow = [x for x in folders if depth[x] < 3]
            p = org if not shallow or rnd.randrange(10) < 3 else rnd.choice(shallow)
            name = f"{org}-f{f}"
            parent[name] = p
            depth[name] = 1 if p == org else depth[p] + 1
            folders.append(name)
        projects = []
        for j in range(a.projects):
            name = f"{org}-p{j}"
            parent[name] = org if not folders or rnd.randrange(10) < 2 else rnd.choice(folders)
            projects.append(name)
        members = []
        for m in range(a.members):
            if rnd.randrange(10) == 0:
                members.append({"kind": "ServiceAccount", "name": f"m{m}", "namespace": org})
            else:
                members.append({"kind": "User", "apiGroup": "rbac.authorization.k8s.io",
                                "name": f"m{m}@{org}.example.com"})
        bindings = []
        for b in range(a.bindings):
            roll = rnd.randrange(100)
            if roll < 8:
                ns = org
            elif roll < 45 and folders:
                ns = rnd.choice(folders)
            else:
                ns = rnd.choice(projects)
            bindings.append({"name": f"b{b}", "namespace": ns, "role": rnd.choice(["view", "edit", "admin"]),
                             "subject": rnd.choice(members)})
        orgs.append({"org": org, "parent": parent, "depth": depth, "bindings": bindings})
    return orgs


def descendants(parent):
    children = {}
    for c, p in parent.items():
        children.setdefault(p, []).append(c)
    memo = {}

    def count(n):
        if n not in memo:
            memo[n] = sum(1 + count(c) for c in children.get(n, []))
        return memo[n]

    return count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    for name, default in [("organizations", 50), ("folders", 10), ("projects", 40), ("members", 10),
                          ("bindings", 20), ("seed", 7), ("chunks", 4)]:
        ap.add_argument("--" + name, type=int, default=default)
    a = ap.parse_args()
    orgs = build(a)
    os.makedirs(a.out, exist_ok=True)
    docs = {"namespaces": [], "hierarchy": [], "rolebindings": []}
    expected = 0
    max_depth = 0
    placed = {"organization": 0, "folder": 0, "project": 0}
    for o in orgs:
        org = o["org"]
        count = descendants(o["parent"])
        for ns in [org] + list(o["parent"]):
            docs["namespaces"].append({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}})
        for ns, p in o["parent"].items():
            docs["hierarchy"].append({"apiVersion": "hnc.x-k8s.io/v1alpha2", "kind": "HierarchyConfiguration",
                                      "metadata": {"name": "hierarchy", "namespace": ns}, "spec": {"parent": p}})
        for b in o["bindings"]:
            docs["rolebindings"].append({
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                "metadata": {"name": b["name"], "namespace": b["namespace"]},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": b["role"]},
                "subjects": [b["subject"]]})
            expected += count(b["namespace"])
            kind = ("organization" if b["namespace"] == org
                    else "folder" if "-f" in b["namespace"] else "project")
            placed[kind] += 1
        max_depth = max([max_depth] + list(o["depth"].values()))
    for kind, items in docs.items():
        for c in range(a.chunks):
            with open(os.path.join(a.out, f"{kind}-{c}.yaml"), "w") as f:
                f.write("\n".join("---\n" + json.dumps(d) for d in items[c::a.chunks]) + "\n")
    tree = {"namespaces": len(docs["namespaces"]), "hierarchyconfigurations": len(docs["hierarchy"]),
            "rolebindings": len(docs["rolebindings"]), "bindings_placed": placed,
            "max_folder_depth": max_depth, "expected_copies": expected, "seed": a.seed}
    with open(os.path.join(a.out, "tree.json"), "w") as f:
        json.dump(tree, f)
    print(json.dumps(tree))


if __name__ == "__main__":
    main()

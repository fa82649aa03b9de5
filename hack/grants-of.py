"""Prints one subject's entries of a grants document read from stdin: python3 grants-of.py <subject>."""
import json
import sys

subject = sys.argv[1]
doc = json.load(sys.stdin)
found = [e for e in doc["entries"] if e["subject"] == subject]
for entry in found:
    grant = entry["grants"][0]
    print("  {}: {}  (role {} at {} via {})".format(
        entry["resource"], ",".join(entry["permissions"]), grant["role"], grant["scope"], grant["via"]))
if not found:
    print("  no entries for " + subject)
print("  revision " + doc["revision"])

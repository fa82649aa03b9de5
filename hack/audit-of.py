"""Prints who created, changed or deleted the given Trellis resources, from an API server audit log (JSON lines):
python3 audit-of.py <audit.log> <resource>..."""
import json
import sys

resources = set(sys.argv[2:])
for line in open(sys.argv[1]):
    event = json.loads(line)
    ref = event.get("objectRef", {})
    if event.get("stage") != "ResponseComplete" or ref.get("resource") not in resources or ref.get("subresource"):
        continue
    user = event.get("impersonatedUser", event["user"])["username"]
    print("  {} {} {} {}/{} -> {}".format(event["requestReceivedTimestamp"], user, event["verb"], ref["resource"],
                                          ref.get("name"), event.get("responseStatus", {}).get("code")))

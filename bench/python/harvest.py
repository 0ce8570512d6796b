#!/usr/bin/env python3
"""Baseline: how staff harvest Waldur today -- requests, paging by the Link header, one page at a time.

Usage: harvest.py URL TOKEN OUTDIR [collections...]
Writes one JSON-lines file per collection (uncompressed), so the work compares with Tally's harvest.
"""
import json
import os
import sys

import requests

COLLECTIONS = {
    "customers": "customers/",
    "projects": "projects/",
    "offerings": "marketplace-public-offerings/",
    "orders": "marketplace-orders/",
    "resources": "marketplace-resources/",
    "component-usages": "marketplace-component-usages/",
}


def harvest(session, api, path, out_file):
    url = api + path + "?page_size=300"
    count = 0
    with open(out_file, "w", encoding="utf-8") as out:
        while url:
            r = session.get(url, timeout=60)
            r.raise_for_status()
            for obj in r.json():
                out.write(json.dumps(obj, ensure_ascii=False))
                out.write("\n")
                count += 1
            url = r.links.get("next", {}).get("url")
    return count


def main():
    api, token, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
    wanted = sys.argv[4:] or list(COLLECTIONS)
    os.makedirs(outdir, exist_ok=True)
    session = requests.Session()
    session.headers["Authorization"] = "Token " + token
    for name in wanted:
        n = harvest(session, api, COLLECTIONS[name], os.path.join(outdir, name + ".jsonl"))
        print(f"{name} {n}", file=sys.stderr)


if __name__ == "__main__":
    main()

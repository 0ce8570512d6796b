#!/usr/bin/env python3
"""Baseline: the pandas a funder's analyst writes over a snapshot's JSON lines to answer
"GPU k-hours used in 2026-Q2 by country share, industry allocations only", with Tally's definitions
(docs/definitions.md): the country-share rule (§2), usage counted per plan period (§7) only in months the
allocation existed (§3), and the LUMI option is_industry of the allocation, not its project's flag (§8, §13).

Usage: funder_query.py SNAPSHOT_DIR [QUARTER]  -> prints "country<TAB>gpu_k_hours" lines, then "Total<TAB>…".
The same answer as
  tally query --snapshot DIR --quarter 2026-Q2 --group-by country --measure usage.gpu_k_hours \
      --where "is_industry = true" --format csv --exact
(bench/run.sh compares the two, rows with no usage left out, before timing them).
"""
import re
import sys

import pandas as pd

COUNTRIES = {"AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "CH": "Switzerland", "CY": "Cyprus",
             "CZ": "Czech Republic", "DE": "Germany", "DK": "Denmark", "EE": "Estonia", "ES": "Spain",
             "FI": "Finland", "FR": "France", "GR": "Greece", "HR": "Croatia", "HU": "Hungary", "IE": "Ireland",
             "IS": "Iceland", "IT": "Italy", "LT": "Lithuania", "LU": "Luxembourg", "LV": "Latvia",
             "ME": "Montenegro", "MK": "North Macedonia", "MT": "Malta", "NL": "Netherlands", "NO": "Norway",
             "PL": "Poland", "PT": "Portugal", "RO": "Romania", "RS": "Serbia", "SE": "Sweden", "SI": "Slovenia",
             "SK": "Slovakia", "TR": "Turkey", "GB": "United Kingdom"}


def share(name, iso):
    """§2: "LUMI <Country>[ / access]" by name, else the ISO field of a LUMI share offering, else (unassigned) or itself."""
    name = name.strip()
    m = re.fullmatch(r"LUMI\s+([^/]+?)\s*(?:/.*)?", name)
    if m and m.group(1).strip() in COUNTRIES.values():
        return m.group(1).strip()
    lumi = re.fullmatch(r"(?i)LUMI\s+(?:[^/]+?\s*/.*|\S+)", name) is not None
    if lumi and isinstance(iso, str) and iso.strip().upper() in COUNTRIES:
        return COUNTRIES[iso.strip().upper()]
    return "(unassigned)" if lumi else name


def flag(v):
    return v if isinstance(v, bool) else {"true": True, "false": False}.get(str(v).strip().lower())


def main():
    snap, quarter = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "2026-Q2")
    read = lambda c: pd.read_json(f"{snap}/{c}.jsonl.gz", lines=True, compression="gzip", dtype=False,
                                  convert_dates=False)
    off, res, orders, use = read("offerings"), read("resources"), read("orders"), read("component-usages")
    months = pd.period_range(pd.Period(quarter, "Q").asfreq("M", "s"), pd.Period(quarter, "Q").asfreq("M", "e"), freq="M")

    # allocations: industry option, country share of the offering (the resource's own offering name when unlisted)
    off["share"] = [share(n, c) for n, c in zip(off["name"], off.get("country", pd.Series([None] * len(off))))]
    res["share"] = res["offering_uuid"].map(off.set_index("uuid")["share"])
    res["share"] = res["share"].fillna(res["offering_name"].map(lambda n: share(n if isinstance(n, str) else "", None)))
    res["industry"] = res["options"].map(lambda o: flag(o.get("is_industry")) if isinstance(o, dict) else None)

    # lifetime (§3): the first done Create's completed_at (created when no Create), to the first done Terminate's
    o = orders.dropna(subset=["marketplace_resource_uuid"]).copy()
    o["at"] = pd.to_datetime(o["completed_at"].fillna(o["created"]), utc=True)
    o["done"] = (o["state"] == "done") & o["completed_at"].notna()
    o = o.sort_values("at", kind="stable")
    done = o[o["done"]]
    first = lambda t: done[done["type"] == t].groupby("marketplace_resource_uuid")["at"].first()
    res = res.set_index("uuid")
    has_create = set(o.loc[o["type"] == "Create", "marketplace_resource_uuid"])
    res["start"] = first("Create").reindex(res.index)
    no_create = ~res.index.isin(has_create)
    res.loc[no_create, "start"] = pd.to_datetime(res.loc[no_create, "created"], utc=True)
    res["end"] = first("Terminate").reindex(res.index)

    # plan periods (§7): one per month, plus one per done Update switching to another known plan
    plans = set(p["uuid"] for ps in off.get("plans", []) if isinstance(ps, list) for p in ps)
    initial = first("Create").index.to_series().map(
        done[done["type"] == "Create"].groupby("marketplace_resource_uuid")["plan_uuid"].first())
    plan_now = {r: (p if p in plans else (res.at[r, "plan_uuid"] if res.at[r, "plan_uuid"] in plans else None))
                for r, p in initial.items() if r in res.index}
    switches = {}
    for r, at, p in done.loc[done["type"] == "Update", ["marketplace_resource_uuid", "at", "plan_uuid"]].itertuples(index=False):
        if r not in res.index or (pd.notna(res.at[r, "start"]) and at < res.at[r, "start"]):
            continue
        before = plan_now.get(r, res.at[r, "plan_uuid"] if res.at[r, "plan_uuid"] in plans else None)
        after = p if p in plans else before
        if after != before:
            key = (r, at.to_period("M"))
            switches[key] = switches.get(key, 0) + 1
        plan_now[r] = after

    # usage (§7): per resource, component and month the latest record of each plan period, summed
    u = use[use["type"] == "gpu_k_hours"].copy()
    u["month"] = pd.to_datetime(u["billing_period"].fillna(u["date"]), utc=True).dt.tz_localize(None).dt.to_period("M")
    u = u[u["month"].isin(months) & u["resource_uuid"].isin(res.index[res["industry"] == True])]  # noqa: E712
    u["reported"] = pd.to_datetime(u["created"].fillna(u["date"]), utc=True)
    u = u.sort_values("reported", kind="stable", na_position="first").iloc[::-1]
    u["rank"] = u.groupby(["resource_uuid", "month"]).cumcount()
    u["periods"] = [1 + switches.get((r, m), 0) for r, m in zip(u["resource_uuid"], u["month"])]
    u = u[u["rank"] < u["periods"]]

    # counted only in months the allocation existed (§3: started before the month ended, not ended by its start)
    start = u["resource_uuid"].map(res["start"])
    end = u["resource_uuid"].map(res["end"])
    first_day = u["month"].dt.start_time.dt.tz_localize("UTC")
    next_first = (u["month"] + 1).dt.start_time.dt.tz_localize("UTC")
    u = u[start.notna() & (start < next_first) & (end.isna() | (end > first_day))]

    answer = u.assign(usage=pd.to_numeric(u["usage"])).groupby(u["resource_uuid"].map(res["share"]))["usage"].sum()
    for country, value in answer.items():
        print(f"{country}\t{value:.0f}")
    print(f"Total\t{answer.sum():.0f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Baseline: pandas groupby of allocation facts by three dimensions with cost and two limit sums.

Usage: groupby.py FACTS.csv REPEATS  -> prints the median seconds of the groupby alone (read excluded).
"""
import statistics
import sys
import time

import pandas as pd


def main():
    path, repeats = sys.argv[1], int(sys.argv[2])
    df = pd.read_csv(path, dtype={"country": "category", "customer": "category", "project": "category",
                                  "month": "category", "is_industry": "category"})
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        g = df.groupby(["country", "is_industry", "customer"], observed=True)[["cost", "cpu_k_hours", "gpu_k_hours"]].sum()
        times.append(time.perf_counter() - t0)
    assert len(g) > 0
    print(f"{statistics.median(times):.6f}")


if __name__ == "__main__":
    main()

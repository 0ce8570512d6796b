#!/usr/bin/env python3
"""Baseline: a ROWS-row project-detail sheet with xlsxwriter in constant_memory mode (or openpyxl write-only).

Usage: xlsx.py OUT.xlsx ROWS [xlsxwriter|openpyxl]  -> prints the seconds taken.
"""
import sys
import time


def rows(n):
    countries = ["Belgium", "Czech Republic", "Denmark", "Estonia", "Finland", "Iceland", "Norway", "Poland", "Sweden", "Switzerland"]
    for i in range(n):
        cpu = (i * 37) % 50000
        gpu = (i * 11) % 2000
        gb = (i * 101) % 90000
        yield [countries[i % 10], f"Project {i}", f"{i:032x}", "Allocator", 1 + i % 3, cpu, gpu, gb,
               round(cpu * 0.1 + gpu * 0.5 + gb * 0.001, 2)]


HEADER = ["Country share", "Project", "Project UUID", "Allocator", "Active allocations",
          "Limit cpu_k_hours", "Limit gpu_k_hours", "Limit gb_k_hours", "Monthly cost"]


def with_xlsxwriter(path, n):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    ws = wb.add_worksheet("projects")
    bold = wb.add_format({"bold": True})
    money = wb.add_format({"num_format": "#,##0.00"})
    ws.write_row(0, 0, HEADER, bold)
    for r, row in enumerate(rows(n), start=1):
        ws.write_row(r, 0, row[:8])
        ws.write_number(r, 8, row[8], money)
    ws.freeze_panes(1, 0)
    wb.close()


def with_openpyxl(path, n):
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("projects")
    ws.append(HEADER)
    for row in rows(n):
        ws.append(row)
    wb.save(path)


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    lib = sys.argv[3] if len(sys.argv) > 3 else "xlsxwriter"
    t0 = time.perf_counter()
    (with_xlsxwriter if lib == "xlsxwriter" else with_openpyxl)(path, n)
    print(f"{time.perf_counter() - t0:.6f}")


if __name__ == "__main__":
    main()

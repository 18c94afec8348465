#!/usr/bin/env python3
"""Convert holiday-cn JSON files (one per State Council notice year) into duban calendar files.

Usage: holiday-cn-to-duban.py SRC_DIR DEST_DIR
Writes DEST_DIR/cn-YYYY.txt for every SRC_DIR/YYYY.json that lists at least one day. A file
without days (no notice published yet) is skipped: that year stays uncovered, and duban says so.
Run by developers when a new notice appears; the output is committed under data/calendar/.
"""
import json
import os
import sys


def main(src, dest):
    os.makedirs(dest, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".json") or not name[:4].isdigit():
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            data = json.load(f)
        days = data.get("days") or []
        if not days:
            print(f"{name}: no days listed, skipped (year not covered)", file=sys.stderr)
            continue
        year = int(data["year"])
        out = os.path.join(dest, f"cn-{year}.txt")
        with open(out, "w", encoding="utf-8") as f:
            f.write(f"# duban calendar: {year} national schedule (国务院办公厅 节假日安排).\n")
            for paper in data.get("papers", []):
                f.write(f"# notice: {paper}\n")
            f.write("# Generated from holiday-cn (MIT, NateScarlet) by "
                    "data/tools/holiday-cn-to-duban.py.\n")
            f.write("# date        rest|work  holiday\n")
            f.write(f"year {year}\n")
            for day in sorted(days, key=lambda d: d["date"]):
                kind = "rest" if day["isOffDay"] else "work"
                f.write(f"{day['date']}  {kind}  {day['name']}\n")
        print(f"{out}: {len(days)} dates")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""toml2json.py IN.toml [OUT.json]: a TOML charter as JSON (dates and times as ISO strings)."""
import datetime, json, sys, tomllib

def iso(v):
    if isinstance(v, (datetime.date, datetime.time)):  # datetime is a date too
        return v.isoformat()
    raise TypeError(f"cannot convert {type(v).__name__}")

with open(sys.argv[1], "rb") as f:
    data = tomllib.load(f)
out = open(sys.argv[2], "w") if len(sys.argv) > 2 else sys.stdout
json.dump(data, out, indent=2, default=iso, ensure_ascii=False)
out.write("\n")

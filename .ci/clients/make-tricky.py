#!/usr/bin/env python3
"""make-tricky.py OUTDIR [EXAMPLE.json]: charters whose names carry the characters that
report formats must escape, to run the clients on:
  OUTDIR/escapes/  file names and team/person/title data with % \\r \\n : , < & " ' U+0001,
                   plus a broken charter (for workflow commands, SARIF URIs, JUnit XML)
  OUTDIR/markdown/ | ` * _ &copy; &amp; <!-- --> [x](url) \\ in names and a file name
Run e.g.: (cd OUTDIR/escapes && charterlint check . --format github --fail-on never)."""
import json, os, sys

out = sys.argv[1]
base = json.load(open(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../examples/06-json-team.charter.json")))
base.pop("lint", None)

esc = json.loads(json.dumps(base))
esc["team"]["name"] = "Pay%ments, Inc: A\r\nB <&\"'> \u0001 \u00e9\U0001F600 %0A %25"
esc["roles"][0]["holders"] = esc["roles"][1]["holders"] = ["Ana, %0A: Ruiz\r\n<b>"]
esc["roles"][2]["title"] = "Business % Analyst, a:b"
os.makedirs(f"{out}/escapes", exist_ok=True)
for name in ("100%,a:b.charter.json", "new\nline.charter.json"):
    json.dump(esc, open(f"{out}/escapes/{name}", "w"), indent=2)
open(f"{out}/escapes/bro%ken,x:y.charter.toml", "w").write(
    'version = 1\n[team]\nname = "X"\nmethodology = "water%fall,\\r\\n:x"\n')

md = json.loads(json.dumps(base))
md["team"]["name"] = "A|B `tick` *star* _u_ &copy; <!-- x --> [l](http://e.x) back\\"
md["roles"][0]["holders"] = ["Pipe|Person &amp; `x` \\"]
md["roles"][1]["holders"] = ["Zed*"]
md["roles"][2]["title"] = "Analyst | with `pipe|` in code"
os.makedirs(f"{out}/markdown", exist_ok=True)
json.dump(md, open(f"{out}/markdown/p|ipe `b`.charter.json", "w"), indent=2)

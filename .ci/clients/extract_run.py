#!/usr/bin/env python3
"""extract_run.py ACTION.yml OUTDIR: each `run:` block of a composite action (or workflow
steps) as OUTDIR/NN-step-name.sh, with a shebang for its `shell:` (bash by default) and
each ${{ expression }} replaced by a placeholder word, as actionlint does. Prints the files."""
import os, re, sys
import yaml

doc = yaml.safe_load(open(sys.argv[1]))
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
steps = list((doc.get("runs") or {}).get("steps") or [])
for job in (doc.get("jobs") or {}).values():
    steps += job.get("steps") or []
n = 0
for step in steps:
    if "run" not in step:
        continue
    n += 1
    shell = (step.get("shell") or "bash").split()[0]
    name = re.sub(r"[^a-z0-9]+", "-", (step.get("name") or "step").lower()).strip("-")
    body = re.sub(r"\$\{\{.*?\}\}", "GHA_EXPR", step["run"], flags=re.S)
    env = "".join(f"# env: {k}\n" for k in (step.get("env") or {}))
    path = os.path.join(out, f"{n:02d}-{name}.sh")
    with open(path, "w") as f:
        f.write(f"#!/usr/bin/env {shell}\n{env}{body}")
    print(path)

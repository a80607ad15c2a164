#!/usr/bin/env python3
"""readme_blocks.py README.md OUTDIR: every fenced code block of the README as
OUTDIR/NN-KIND.EXT, where KIND says what the block is (a GitHub workflow, a workflow
fragment of steps, a GitLab job, GitLab script lines, a pre-commit config, a charter,
a policy, a taplo config, shell commands), so each can be checked by the program that
reads it. Fragments are wrapped in the smallest document around them. Prints one
`KIND PATH` line per block; a block of a language it does not know is `other`."""
import os, re, sys

text = open(sys.argv[1], encoding="utf-8").read()
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
blocks = re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.S | re.M)


def kind_of(lang, body):
    if lang == "yaml":
        if re.search(r"^jobs:", body, re.M):
            return "workflow", "yml", body
        if re.search(r"^repos:", body, re.M):
            return "precommit", "yaml", body
        if re.search(r"^\s+- (uses|run): ", body, re.M):
            steps = "".join("      " + line[6:] + "\n" if line.startswith("      ") else line + "\n"
                            for line in body.splitlines())
            return "workflow", "yml", ("on: push\njobs:\n  fragment:\n    runs-on: ubuntu-latest\n"
                                       "    steps:\n" + steps)
        if re.search(r"^\S[^:]*:\n\s+(image|script):", body, re.M):
            return "gitlab", "yml", body
        if re.search(r"^\s+- ", body, re.M):
            return "gitlab", "yml", "fragment:\n  script:\n" + body
    if lang == "toml":
        if "[[rule]]" in body:
            return "taplo", "toml", body
        if re.search(r"^\[\[roles\]\]", body, re.M):
            return "charter", "charter.toml", body
        if re.search(r"^\[lint\]", body, re.M):
            return "policy", "toml", body
    if lang == "sh":
        return "shell", "sh", body
    return "other", "txt", body


for n, (lang, body) in enumerate(blocks, 1):
    kind, ext, content = kind_of(lang, body)
    path = os.path.join(out, f"{n:02d}-{kind}.{ext}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)
    print(kind, path)

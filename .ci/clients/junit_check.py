#!/usr/bin/env python3
"""junit_check.py FILE...: structural checks of JUnit XML with junitparser.

Checks what Jenkins, GitLab and the JUnit-reading GitHub actions rely on: counts in
<testsuite>/<testsuites> match their children, every testcase has name and classname,
every <failure>/<error> has a message and a type, at most one failure/error per
testcase (Jenkins shows only the first), no duplicate (classname, name) in a suite.
Exit 1 on any problem."""
import sys
from junitparser import JUnitXml, TestSuite, Failure, Error, Skipped

problems = 0

def bad(path, msg):
    global problems
    problems += 1
    print(f"{path}: {msg}")

def count(suite):
    t = f = e = s = 0
    for case in suite:
        t += 1
        kinds = [type(r) for r in case.result]
        f += Failure in kinds
        e += Error in kinds
        s += Skipped in kinds
    return t, f, e, s

for path in sys.argv[1:]:
    try:
        xml = JUnitXml.fromfile(path)
    except Exception as exc:  # parse error
        bad(path, f"not parsable: {exc}")
        continue
    suites = [xml] if isinstance(xml, TestSuite) else list(xml)
    tot = [0, 0, 0, 0]
    for suite in suites:
        where = f"testsuite {suite.name!r}"
        t, f, e, s = count(suite)
        tot = [a + b for a, b in zip(tot, (t, f, e, s))]
        for attr, n in (("tests", t), ("failures", f), ("errors", e), ("skipped", s)):
            have = suite._elem.get(attr)
            if have is None and attr in ("tests", "failures", "errors"):
                bad(path, f"{where}: no {attr} attribute")
            elif have is not None and int(have) != n:
                bad(path, f"{where}: {attr}={have} but it holds {n}")
        seen = set()
        for case in suite:
            key = (case.classname, case.name)
            if not case.name or not case.classname:
                bad(path, f"{where}: testcase without name or classname: {key}")
            if key in seen:
                bad(path, f"{where}: duplicate testcase {key}")
            seen.add(key)
            res = [r for r in case.result if isinstance(r, (Failure, Error))]
            if len(res) > 1:
                bad(path, f"{where}: testcase {case.name!r} has {len(res)} failure/error elements (Jenkins reads the first)")
            for r in res:
                if not r.message or not r.type:
                    bad(path, f"{where}: testcase {case.name!r}: <{r._tag}> without message or type")
    if not isinstance(xml, TestSuite):
        for attr, n in zip(("tests", "failures", "errors"), tot):
            have = xml._elem.get(attr)
            if have is not None and int(have) != n:
                bad(path, f"testsuites: {attr}={have} but its suites hold {n}")
    print(f"{path}: {len(suites)} suites, {tot[0]} tests, {tot[1]} failures, {tot[2]} errors, {tot[3]} skipped")

sys.exit(1 if problems else 0)

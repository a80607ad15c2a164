#!/usr/bin/env bash
# junit.sh FILE.xml...: JUnit XML checked three ways: xmllint against the Jenkins xunit
# plugin's junit-10.xsd (taken from pytest's sdist on PyPI, which ships it as a test
# fixture: testing/example_scripts/junit-10.xsd), junitparser's structural checks
# (junit_check.py: counts, names, one failure per case), and `junitparser verify`, whose
# exit status is printed only (it fails whenever a testcase fails or errors, which is
# the report's content, not a format problem). Exit 1 on an XSD or structure problem.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || { echo "usage: junit.sh FILE.xml..." >&2; exit 2; }
need_apt libxml2-utils xmllint
need_pip junitparser==5.0.3 junitparser
xsd=$CLIENTS/xsd/jenkins-junit-10.xsd
if [ ! -s "$xsd" ]; then
  echo "fetching junit-10.xsd from the pytest 9.2.0 sdist (pip download, ~25 s)" >&2
  tmp=$(mktemp -d)
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: -d "$tmp" pytest==9.2.0 >&2 &&
    mkdir -p "$CLIENTS/xsd" &&
    tar -xzOf "$tmp"/pytest-9.2.0.tar.gz pytest-9.2.0/testing/example_scripts/junit-10.xsd > "$xsd.part" &&
    mv "$xsd.part" "$xsd"
  rm -rf "$tmp"
  [ -s "$xsd" ] || { echo "junit.sh: could not get junit-10.xsd" >&2; exit 2; }
fi
rc=0
xmllint --noout --schema "$xsd" "$@" || rc=1
python3 "$CLIENTS/junit_check.py" "$@" || rc=1
for f in "$@"; do python3 -m junitparser verify "$f"; echo "junitparser verify $f: exit $?"; done
exit $rc

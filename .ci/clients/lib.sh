# shellcheck shell=bash
# Sourced by the client scripts: idempotent installs into this folder (npm) or pip --user.
CLIENTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The repository, and the binary `cargo test` built in it.
REPO=$(cd "$CLIENTS/../.." && pwd)
export CHARTERLINT_BIN=${CHARTERLINT_BIN:-$REPO/target/debug/charterlint}
USER_BIN=$(python3 -m site --user-base)/bin
export PATH="$CLIENTS/node_modules/.bin:$USER_BIN:$PATH"

# need_npm PKG@VERSION FILE: npm-install PKG here unless FILE (under node_modules) exists.
need_npm() {
  [ -e "$CLIENTS/node_modules/$2" ] && return
  echo "installing $1 (npm)" >&2
  npm install --prefix "$CLIENTS" --no-audit --no-fund --no-save --loglevel=error "$1" >&2
}

# need_pip PKG==VERSION MODULE: pip install --user PKG unless python can import MODULE.
need_pip() {
  python3 -c "import $2" 2>/dev/null && return
  echo "installing $1 (pip --user)" >&2
  python3 -m pip install --user --quiet --disable-pip-version-check --no-warn-script-location "$1" >&2
}

# need_apt PKG COMMAND: apt-get install PKG unless COMMAND is on PATH (needs root).
need_apt() {
  command -v "$2" >/dev/null && return
  echo "installing $1 (apt-get)" >&2
  { apt-get install -y -qq "$1" || { apt-get update -qq && apt-get install -y -qq "$1"; }; } >/dev/null
}

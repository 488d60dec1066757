#!/usr/bin/env bash
# Installs every n8n of .ci/n8n-versions (scripts/install-n8n.sh <version>) at the same time, each
# into its own cache folder with its own log, and prints one line per version: cached, installed
# in N s, or FAILED with the end of its log. Exits non-zero when any install failed.
#
#   bash scripts/install-n8n-versions.sh [logdir]     logdir: default .cache/ci
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LOGDIR="${1:-$ROOT/.cache/ci}"
mkdir -p "$LOGDIR"
mapfile -t VERSIONS < <(awk '!/^#/ && NF { print $1 }' "$ROOT/.ci/n8n-versions")

declare -A PIDS
for version in "${VERSIONS[@]}"; do
	(
		started=$(date +%s)
		bash "$ROOT/scripts/install-n8n.sh" "$version" >"$LOGDIR/install-n8n-$version.log" 2>&1
		status=$?
		echo $(($(date +%s) - started)) >"$LOGDIR/install-n8n-$version.seconds"
		exit "$status"
	) &
	PIDS[$version]=$!
done

failed=0
for version in "${VERSIONS[@]}"; do
	if wait "${PIDS[$version]}"; then
		if grep -q '\[install-n8n\] cached:' "$LOGDIR/install-n8n-$version.log"; then
			echo "n8n $version: cached"
		else
			echo "n8n $version: installed in $(cat "$LOGDIR/install-n8n-$version.seconds") s"
		fi
	else
		failed=1
		echo "n8n $version: FAILED (log: $LOGDIR/install-n8n-$version.log)"
		tail -n 20 "$LOGDIR/install-n8n-$version.log" | sed 's/^/    /'
	fi
done
exit "$failed"

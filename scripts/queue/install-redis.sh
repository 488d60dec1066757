#!/usr/bin/env bash
# Installs Redis from Debian for `npm run test:queue` when it is missing (CI runs on a fresh
# machine as root). Only the binary is used: scripts/queue/cluster.ts runs `redis-server` as a
# child process on a loopback port of its own, never as the system service.
# Prints the path of redis-server as its last line.
set -euo pipefail

log() { printf '[install-redis] %s\n' "$*" >&2; }

if ! command -v redis-server >/dev/null 2>&1; then
	if [[ "$(id -u)" != "0" ]]; then
		log "redis-server is missing; install it (Debian/Ubuntu: sudo apt-get install -y redis-server) or run as root"
		exit 1
	fi
	log "installing redis-server from Debian (apt-get) ..."
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq --no-install-recommends redis-server >&2
fi
command -v redis-server

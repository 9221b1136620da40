#!/usr/bin/env bash
# Installs the system packages the tests drive for real: Debian's Chromium
# (browser tests, through playwright-core), python3-requests (Python snippets)
# and jq (shell snippets read JSON with it). `npm test` runs it first, so a
# machine without them stops before any test with what to do; as root on
# Debian or Ubuntu it installs them with apt-get. Does nothing when they are
# there, in a few milliseconds.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v jq >/dev/null 2>&1 || missing+=(jq)
/usr/bin/python3 -c 'import requests' >/dev/null 2>&1 || missing+=(python3-requests)
[ ${#missing[@]} -eq 0 ] && exit 0
install="apt-get install -y --no-install-recommends ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${missing[*]} (the tests need /usr/bin/chromium, jq, and /usr/bin/python3 with requests), and this machine has no apt-get; install them with its package manager, or run the tests on Debian or Ubuntu" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: missing ${missing[*]}; install them with: sudo apt-get update && sudo $install" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]} with apt-get" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $install -qq >&2

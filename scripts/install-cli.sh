#!/usr/bin/env bash
# Installs the pinned Claude Code CLI into ./node_modules of this repository (project-local; nothing
# global is touched) unless that exact version is already there. The SDK finds it there on its own
# (node_modules/.bin is searched upward from the working directory).
#
#   scripts/install-cli.sh                 # the pinned version
#   CLAUDE_CLI_VERSION=2.1.197 scripts/install-cli.sh   # another supported version
set -euo pipefail

PINNED_VERSION="2.1.330"
version="${CLAUDE_CLI_VERSION:-$PINNED_VERSION}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/node_modules/.bin/claude"

if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "^${version} "; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "error: npm is needed to install the Claude Code CLI $version (install Node.js 18+), or set" >&2
  echo "       CLAUDE_AGENT_CLI_PATH to an existing 'claude' executable." >&2
  exit 1
fi
echo "installing @anthropic-ai/claude-code@$version into $root/node_modules ..." >&2
npm install --prefix "$root" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
  "@anthropic-ai/claude-code@$version" >&2
"$bin" --version >&2

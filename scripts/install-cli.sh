#!/usr/bin/env bash
# Makes ./node_modules/.bin/claude run the pinned Claude Code CLI (claude_agent::cli::TESTED_VERSION)
# or CLAUDE_CLI_VERSION, through the SDK's own provisioning code (`cargo run --bin install-cli`):
# the version is installed with npm into the per-user cache ($CLAUDE_AGENT_CLI_CACHE, else
# $XDG_CACHE_HOME/claude-agent/cli, else ~/.cache/claude-agent/cli) unless already there, and
# node_modules/.bin/claude becomes a link to it (nothing is done if it already runs that version).
# The SDK and the tests find it there (node_modules/.bin is searched upward from the working
# directory; scripts/test sets CLAUDE_AGENT_TEST_CLI to it).
#
#   scripts/install-cli.sh                              # the pinned version
#   CLAUDE_CLI_VERSION=2.1.197 scripts/install-cli.sh   # another supported version
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=(--link "$root/node_modules/.bin/claude")
if [ -n "${CLAUDE_CLI_VERSION:-}" ]; then
  args+=(--version "$CLAUDE_CLI_VERSION")
fi
cd "$root"
cargo run --quiet --bin install-cli -- "${args[@]}" >/dev/null
"$root/node_modules/.bin/claude" --version >&2

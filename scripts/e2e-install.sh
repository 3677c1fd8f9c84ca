#!/usr/bin/env bash
# Installs the e2e host, code-server 4.100.3 (= VS Code 1.100.3 on Node 20), into .e2e/host
# from the pinned manifest and lockfile in test/e2e/host, with `npm ci`. See shared E2E.md.
# Needs Debian's chromium, ripgrep and libkrb5-dev (kerberos and argon2 build from source).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
host="$root/.e2e/host"
marker="$host/node_modules/code-server/out/node/entry.js"

if [ -f "$marker" ] && cmp -s "$root/test/e2e/host/package-lock.json" "$host/package-lock.json"; then
  echo "e2e host already installed in $host"
  exit 0
fi

for tool in rg chromium; do
  command -v "$tool" >/dev/null || { echo "e2e-install: $tool missing (apt-get install ripgrep chromium libkrb5-dev)" >&2; exit 1; }
done

mkdir -p "$host" "$root/.e2e/tmp"
cp "$root/test/e2e/host/package.json" "$root/test/e2e/host/package-lock.json" "$host/"

# @vscode/ripgrep's postinstall would download rg; it looks in this cache first.
export TMPDIR="$root/.e2e/tmp"
cache="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
staging="$(mktemp -d)"
cp "$(command -v rg)" "$staging/rg"
tar -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$staging" rg
rm -rf "$staging"

# code-server's postinstall refuses to run as root without unsafe_perm; node-pty's runs
# `npx node-gyp`, which npm cancels unless `yes` is true.
export npm_config_unsafe_perm=true
export npm_config_yes=true
cd "$host"
npm ci --no-audit --no-fund --foreground-scripts=false
test -f "$marker" || { echo "e2e-install: code-server did not install" >&2; exit 1; }
echo "e2e host installed in $host"

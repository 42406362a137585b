#!/usr/bin/env bash
# Installs what the build needs (`scripts/setup.sh build`: `make build`, `make demo`)
# or also what the tests need (`scripts/setup.sh test`, the default: `make test`),
# idempotently. Each step checks first, so a warm run takes a second or two.
# Only package registries are used (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-test}
case "$mode" in build|test) ;; *) echo "usage: scripts/setup.sh [build|test]" >&2; exit 2 ;; esac

say() { printf 'setup: %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# --- Rust target -----------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# rust-src: the release wasm rebuilds std without panic machinery (see Makefile, pkg).
for comp in clippy rustfmt rust-src; do
  rustup component list --installed | grep -q "^$comp" || rustup component add "$comp"
done

# --- Cargo-installed tools --------------------------------------------------
# The wasm-bindgen CLI must be exactly the version in Cargo.lock, or wasm-pack
# tries to download one (and fails on this network).
if [ ! -f Cargo.lock ]; then cargo generate-lockfile -q; fi
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (a few minutes, once)"
  # No --locked: the registry lacks one locked dependency version (TOOLCHAIN.md).
  cargo install -q --force wasm-bindgen-cli --version "$wb_version"
fi
if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack (a couple of minutes, once)"
  cargo install -q wasm-pack --locked
fi

# --- npm packages (wasm-opt from binaryen, playwright-core, axe-core, vnu-jar)
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$mode" = test ]; then
  # --- Browsers and drivers (Debian packages) --------------------------------
  need_apt=()
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  [ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
  command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || need_apt+=(firefox-esr)
  if [ ${#need_apt[@]} -gt 0 ]; then
    say "installing ${need_apt[*]} from Debian"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi

  if ! command -v geckodriver >/dev/null 2>&1; then
    say "installing geckodriver (a couple of minutes, once)"
    cargo install -q geckodriver --locked
  fi

  # --- The Vite + React app that installs the packed package (tests/e2e/react*)
  if [ ! -d tests/vite-app/node_modules ] || [ tests/vite-app/package-lock.json -nt tests/vite-app/node_modules/.package-lock.json ]; then
    say "installing the Vite app's npm packages (tests/vite-app)"
    (cd tests/vite-app && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

say "ready ($mode)"

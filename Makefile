# review-card: two commands matter. `make demo` and `make test` (see README.md).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export GECKODRIVER ?= $(HOME)/.cargo/bin/geckodriver
PORT ?= 8080

.PHONY: setup setup-build build pkg demo test lint fmt-check native browser e2e size bench fuzz clean

## What building needs (Rust target and tools, npm build tools)...
setup-build:
	@scripts/setup.sh build

## ...and what testing needs too (browsers, drivers, the Vite app's packages).
setup:
	@scripts/setup.sh test

## pkg/: the npm package, the one distribution (wasm-pack --target web, completed by
## scripts/package.mjs: embed script, ES module, Node entry, element, types, CLI), and
## www/ (the demo) on the same embed files.
build: setup-build pkg

## The release wasm rebuilds std with panics as plain traps (`-Cpanic=immediate-abort`):
## no panic messages, formatting or unwinding glue ship. build-std is unstable, and stable is the only toolchain this
## machine kind can fetch, so RUSTC_BOOTSTRAP=1 enables it for this one build; it needs
## the rust-src component (scripts/setup.sh adds it). A panic was already an abort
## (`panic = "abort"`): a trap that throws a RuntimeError in JS, caught by the loader.
## With nothing left to print, panic locations and `Debug` output are dropped too
## (-Zlocation-detail=none -Zfmt-debug=none; no release code formats with `{:?}`).
## BENCHMARKS.md has what each flag saves.
WASM_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none

## `make pkg DEBUG=1` (or `make demo DEBUG=1`): an unoptimised build with panic
## messages, `console_error_panic_hook` reporting each panic's message and location.
## Three builds of the crate: everything (pkg/, the ES module's and Node's wasm), and
## the embed script's two, without the ES module's extra exports (Cargo.toml's `api`):
## with the comment form (target/comments-pkg/, which scripts/package.mjs turns into
## pkg/review_card_comments_bg.wasm) and without it (target/card-pkg/, into
## pkg/review_card_card_bg.wasm, for pages whose cards have no comments).
ifeq ($(DEBUG),1)
WASM_PACK_BUILD = wasm-pack --log-level warn build --dev --target web --out-dir $(1) . --features debug $(2)
else
WASM_PACK_BUILD = RUSTC_BOOTSTRAP=1 RUSTFLAGS="$(WASM_RUSTFLAGS)" \
	  wasm-pack --log-level warn build --release --target web --out-dir $(1) . -Zbuild-std=std,panic_abort $(2)
endif

pkg:
	@# wasm-pack runs wasm-opt on every .wasm in its out-dir, the last packaging's too.
	rm -f pkg/review_card_card_bg.wasm pkg/review_card_comments_bg.wasm
	$(call WASM_PACK_BUILD,pkg)
	$(call WASM_PACK_BUILD,target/comments-pkg,--no-default-features --features comments)
	$(call WASM_PACK_BUILD,target/card-pkg,--no-default-features)
	node scripts/package.mjs
	@wasm=$$(stat -c %s pkg/review_card_bg.wasm); gz=$$(gzip -9c pkg/review_card_bg.wasm | wc -c); \
	  echo "pkg/review_card_bg.wasm: $$wasm bytes raw, $$gz bytes gzip"

demo: build
	@echo "review-card demo: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	@python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

fmt-check:
	cargo fmt --check

lint:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features comments -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features -- -D warnings

native:
	cargo test --quiet

browser:
	wasm-pack --log-level warn test --headless --chrome --firefox

## End-to-end: headless Chromium via playwright-core against pages on 127.0.0.1
## (axe, vnu, injection payloads, CSP, hostile hosts, faults).
e2e: pkg
	node --test --test-concurrency=1 --test-reporter=spec tests/e2e/*.test.mjs

test: setup fmt-check lint native browser e2e
	@echo "make test: all checks passed"

## Benchmark against vanilla JS and Lit in the same Chromium run; writes BENCHMARKS.md.
bench: setup pkg
	node bench/run.mjs

clean:
	cargo clean
	rm -rf pkg www/pkg www/embed.js www/review_card.js www/review_card_bg.wasm www/review_card_card_bg.wasm www/review_card_comments_bg.wasm

## Longer property-test run (the one in `make test` is bounded to 256 cases each).
fuzz:
	PROPTEST_CASES=20000 cargo test --release --quiet --test props

# newsreel: build, demo and test. Every tool is installed by the targets
# below, idempotently (each step checks first), so a fresh machine needs only
# `make demo` or `make test`.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

# The wasm-bindgen CLI must equal the crate version in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
WASM_PACK_VERSION := 0.15.1
GECKODRIVER_VERSION := 0.37.1

NODE_TOOLS := tools/node_modules/.installed
WASM_OPT := tools/node_modules/.bin/wasm-opt
# binaryen 132 from npm: Debian's binaryen 108 emits modules that fail at start-up.
WASM_FEATURES := --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-multivalue --enable-mutable-globals
# --low-memory-unused: the first 1 KB of memory is never used (Rust's stack
# ends at 1 MB and grows down; only a 1 MB overflow would reach it), which
# lets wasm-opt fold constant offsets into loads and stores (-0.4 KB).
# Not --traps-never-happen: a trap is how a panic ends, and the element
# relies on it.
# -ocimfs=14: a function with one caller is inlined only when it is tiny.
# wasm-opt's default inlines every one, which left one 21 KB function for the
# decoding path; kept apart, the same code is 2.5% larger raw but 1.9 KB
# smaller gzip (small functions number their locals alike and repeat more).
# -aimfs=4 inlines functions of up to 4 bytes everywhere (-0.07 KB gzip).
WASM_OPT_FLAGS := -Oz --converge --low-memory-unused -ocimfs=14 -aimfs=4 --strip-debug --strip-producers --strip-target-features $(WASM_FEATURES)
ESBUILD := tools/node_modules/.bin/esbuild

RUST_SOURCES := $(shell find src -type f) Cargo.toml Cargo.lock

.PHONY: demo test test-native test-browser test-chrome test-firefox test-e2e size pkg dist www \
	tools tools-rust tools-browsers tools-node fuzz bench clean consumers

# ---------------------------------------------------------------- main jobs

## Build the widget and serve the demo of the seed page on http://127.0.0.1:8000
demo: www
	@echo "newsreel demo: http://127.0.0.1:8000/"
	node tools/serve.mjs www 8000

## Every test: native, both browsers' wasm tests, end-to-end, size budget
test: test-native test-browser test-e2e size

# ---------------------------------------------------------------- tools

tools: tools-rust tools-browsers tools-node

tools-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; fi
	@if [ "$$(wasm-pack --version 2>/dev/null)" != "wasm-pack $(WASM_PACK_VERSION)" ]; then \
		cargo install wasm-pack --version $(WASM_PACK_VERSION) --locked --force; fi

tools-browsers:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v firefox-esr >/dev/null; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver firefox-esr; fi
	@if [ "$$(geckodriver --version 2>/dev/null | head -n 1)" != "geckodriver $(GECKODRIVER_VERSION)" ]; then \
		cargo install geckodriver --version $(GECKODRIVER_VERSION) --locked --force; fi

tools-node: $(NODE_TOOLS)

$(NODE_TOOLS): tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund
	@touch $@

# ---------------------------------------------------------------- builds

## npm package in pkg/: the shipped wasm build, wasm-bindgen, wasm-opt, then
## our entry and package.json
pkg: pkg/package.json

# The shipped build rebuilds core and alloc for size (-Z build-std) with the
# immediate-abort panic strategy, so no panic location or message code is left
# in the wasm (-4 KB gzip; README, "Size"). Both are unstable options: the
# machine's one toolchain is stable and no nightly can be fetched, so
# RUSTC_BOOTSTRAP=1 enables them for this build only. Tests build normally.
# -Zlocation-detail=none and -Zfmt-debug=none drop the source locations and
# Debug output that nothing in the shipped build prints (-0.4 KB).
# Without reference types, wasm-bindgen keeps JS values in a JS array and
# passes plain indices, instead of an externref table with a shim per
# import and export in the wasm (-0.6 KB).
# LLVM's inliner a little more willing than opt-level "z" makes it
# (threshold 10, call penalty 50): small helpers vanish into their callers,
# while wasm-opt (below) keeps the larger one-caller functions apart
# (-0.49 KB gzip; measured over a grid of both settings).
SHIP_ENV := RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Ctarget-feature=-reference-types,-multivalue -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Cllvm-args=--inline-threshold=10 -Cllvm-args=--inline-call-penalty=50"
SHIP_WASM := target/ship/wasm32-unknown-unknown/release/newsreel.wasm

pkg/package.json: $(RUST_SOURCES) build.rs Makefile README.md tools/package.mjs tools/minify-names.mjs | tools-rust tools-node
	$(SHIP_ENV) cargo build --lib --release --target wasm32-unknown-unknown --features small-runtime \
		-Z build-std=core,alloc --target-dir target/ship
	rm -rf pkg
	wasm-bindgen --target web --out-dir pkg --out-name newsreel $(SHIP_WASM)
	$(WASM_OPT) $(WASM_OPT_FLAGS) pkg/newsreel_bg.wasm -o pkg/newsreel_bg.wasm
	@# A run of its own: --converge would repeat the renaming and print a second mapping.
	$(WASM_OPT) $(WASM_FEATURES) --minify-imports-and-exports-and-modules pkg/newsreel_bg.wasm -o pkg/newsreel_bg.wasm \
		> target/wasm-names.json
	node tools/minify-names.mjs target/wasm-names.json pkg/newsreel.js pkg/newsreel_bg.wasm pkg/newsreel.d.ts
	node tools/package.mjs

## Script-tag builds in dist/: one module plus the .wasm beside it, and the
## single-file build with the .wasm embedded (base64) in the module
dist: dist/newsreel.js dist/newsreel.inline.js

dist/newsreel.js: pkg/package.json src/js/script-tag.js src/js/start.js
	@mkdir -p dist
	$(ESBUILD) src/js/script-tag.js --bundle --format=esm --minify --target=es2022 --outfile=dist/newsreel.js --log-level=warning
	cp pkg/newsreel_bg.wasm dist/newsreel_bg.wasm

dist/newsreel.inline.js: pkg/package.json src/js/script-tag-inline.js src/js/start.js
	@mkdir -p dist
	$(ESBUILD) src/js/script-tag-inline.js --bundle --format=esm --minify --target=es2022 --loader:.wasm=binary \
		--outfile=dist/newsreel.inline.js --log-level=warning

## The demo site: www/ with the script-tag build copied in
www: dist
	@rm -rf www/dist && mkdir -p www/dist && cp dist/newsreel.js dist/newsreel_bg.wasm www/dist/

# ---------------------------------------------------------------- tests

test-native:
	cargo test --all-targets

test-browser: test-chrome test-firefox

test-chrome: | tools-rust tools-browsers
	wasm-pack test --headless --chrome

test-firefox: | tools-rust tools-browsers
	wasm-pack test --headless --firefox

test-e2e: www consumers | tools-browsers
	node --test --test-concurrency=1 tests/e2e/

## The e2e tests' consumer app: its tools from its lock file, then the package
## packed from pkg/ and installed from the tarball, as a user installs it
CONSUMERS := tests/e2e/consumers
consumers: $(CONSUMERS)/node_modules/.newsreel

$(CONSUMERS)/node_modules/.installed: $(CONSUMERS)/package.json $(CONSUMERS)/package-lock.json
	cd $(CONSUMERS) && npm ci --no-audit --no-fund
	@touch $@

$(CONSUMERS)/node_modules/.newsreel: pkg/package.json $(CONSUMERS)/node_modules/.installed
	cd $(CONSUMERS) && rm -f newsreel-*.tgz && npm pack ../../../pkg --pack-destination . --loglevel=warn >/dev/null \
		&& npm install --no-save --no-audit --no-fund ./newsreel-*.tgz
	@touch $@

size: dist
	node tools/size.mjs --check

# ---------------------------------------------------------------- other

FUZZ_SECONDS ?= 300
## Fuzz the decoder, the URL policy and the sanitiser, FUZZ_SECONDS each (not part of `make test`)
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && cargo +nightly fuzz run decode -- -max_total_time=$(FUZZ_SECONDS) -dict=decode.dict
	cd fuzz && cargo +nightly fuzz run url_policy -- -max_total_time=$(FUZZ_SECONDS)
	cd fuzz && cargo +nightly fuzz run sanitize -- -max_total_time=$(FUZZ_SECONDS)

## newsreel against its vanilla-JS twin in headless Chromium: target/bench/ (not part of `make test`: timings are no test)
bench: www | tools-browsers
	node bench/run.mjs

clean:
	rm -rf target pkg dist www/dist tools/node_modules $(CONSUMERS)/node_modules $(CONSUMERS)/build $(CONSUMERS)/*.tgz

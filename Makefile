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
# The features are those rustc's wasm32 target enables by default.
WASM_FEATURES := --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-multivalue --enable-mutable-globals
# A function with one caller is inlined into it only when small (20 bytes):
# wasm-opt's default inlines every one, which merges the decoders into a few
# huge functions. Kept apart, the code is 1.3% larger raw and 4.6% smaller
# gzipped (small functions number their locals alike and repeat more).
# --converge repeats -Oz while it still shrinks the module.
WASM_OPT_FLAGS := -Oz --converge --one-caller-inline-max-function-size=20 --strip-debug --strip-producers $(WASM_FEATURES)
ESBUILD := tools/node_modules/.bin/esbuild
# wasm-bindgen's glue names the element.js snippet once per group of its
# imports, as the same key of one object literal (harmless: the values are
# the same module); esbuild would warn about each build.
ESBUILD_LOG := --log-level=warning --log-override:duplicate-object-key=silent

RUST_SOURCES := $(shell find crates -type f) Cargo.toml Cargo.lock
# The shell crate: the npm package and its JS entries.
WEB := crates/newsreel
JS := $(WEB)/js

.PHONY: demo test test-native test-browser test-chrome test-firefox test-e2e size pkg hooks dist www \
	tools tools-rust tools-browsers tools-node fuzz bench clean consumers native-tool contract

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

## npm package in pkg/: the shipped wasm build (stable toolchain, release
## profile, no flags of its own), wasm-bindgen, wasm-opt, then our entry and
## package.json
pkg: pkg/package.json

# --experimental-reset-state-function: after a trap, the element replaces the
# wasm instance with a fresh one (crates/newsreel/src/element.js, "Failure").
BINDGEN_FLAGS := --target web --experimental-reset-state-function
SHIP_WASM := target/wasm32-unknown-unknown/release/newsreel.wasm

pkg/package.json: $(RUST_SOURCES) Makefile README.md tools/package.mjs | tools-rust tools-node
	cargo build -p newsreel --lib --release --target wasm32-unknown-unknown
	rm -rf pkg
	wasm-bindgen $(BINDGEN_FLAGS) --out-dir pkg --out-name newsreel $(SHIP_WASM)
	$(WASM_OPT) $(WASM_OPT_FLAGS) pkg/newsreel_bg.wasm -o pkg/newsreel_bg.wasm
	node tools/package.mjs

## The shipped build plus the feature `test-hooks` (a method that panics),
## for the end-to-end test of traps; the same flags otherwise
HOOKS_WASM := target/hooks/wasm32-unknown-unknown/release/newsreel.wasm
hooks: target/hooks/dist/newsreel.js

# The entries are bundled from a copy at the same depth under target/hooks/,
# where their imports of ../../../pkg/ find the hooks build's pkg/.
target/hooks/dist/newsreel.js: $(RUST_SOURCES) Makefile | tools-rust tools-node
	cargo build -p newsreel --lib --release --target wasm32-unknown-unknown --features test-hooks --target-dir target/hooks
	rm -rf target/hooks/pkg target/hooks/dist
	wasm-bindgen $(BINDGEN_FLAGS) --out-dir target/hooks/pkg --out-name newsreel $(HOOKS_WASM)
	$(WASM_OPT) $(WASM_OPT_FLAGS) target/hooks/pkg/newsreel_bg.wasm -o target/hooks/pkg/newsreel_bg.wasm
	rm -rf target/hooks/$(JS) && mkdir -p target/hooks/$(JS) && cp $(JS)/*.js target/hooks/$(JS)/
	$(ESBUILD) target/hooks/$(JS)/script-tag.js --bundle --format=esm --minify --target=es2022 \
		--outfile=target/hooks/dist/newsreel.js $(ESBUILD_LOG)
	cp target/hooks/pkg/newsreel_bg.wasm target/hooks/dist/
	$(ESBUILD) $(JS)/newsreel-intl.js --minify --target=es2022 --outfile=target/hooks/dist/newsreel-intl.js $(ESBUILD_LOG)

## Script-tag builds in dist/: one module plus the .wasm beside it, and the
## single-file build with the .wasm embedded (base64) in the module
dist: dist/newsreel.js dist/newsreel.inline.js

dist/newsreel.js: pkg/package.json $(JS)/script-tag.js $(JS)/runtime.js $(JS)/newsreel-intl.js
	@mkdir -p dist
	$(ESBUILD) $(JS)/script-tag.js --bundle --format=esm --minify --target=es2022 --outfile=dist/newsreel.js $(ESBUILD_LOG)
	cp pkg/newsreel_bg.wasm dist/newsreel_bg.wasm
	$(ESBUILD) $(JS)/newsreel-intl.js --minify --target=es2022 --outfile=dist/newsreel-intl.js $(ESBUILD_LOG)

dist/newsreel.inline.js: pkg/package.json $(JS)/script-tag-inline.js $(JS)/runtime.js
	@mkdir -p dist
	$(ESBUILD) $(JS)/script-tag-inline.js --bundle --format=esm --minify --target=es2022 --loader:.wasm=binary \
		--outfile=dist/newsreel.inline.js $(ESBUILD_LOG)

## The native tool (`newsreel render`, `newsreel css`, `newsreel sanitize`):
## server rendering, the stylesheet a server-rendered widget links, and what
## the e2e tests hold against the widget
NATIVE_TOOL := target/release/newsreel
native-tool: $(NATIVE_TOOL)

# Touched: cargo leaves the binary alone when only wasm-side sources changed.
$(NATIVE_TOOL): $(RUST_SOURCES)
	cargo build --release -p newsreel-server --bin newsreel
	@touch $@

dist/newsreel.css: $(NATIVE_TOOL)
	@mkdir -p dist
	$(NATIVE_TOOL) css > dist/newsreel.css

## The demo site: www/ with the script-tag build and the stylesheet copied
## in, and www/server.html rendered by the native tool
www: dist dist/newsreel.css $(NATIVE_TOOL)
	@rm -rf www/dist && mkdir -p www/dist && cp dist/newsreel.js dist/newsreel-intl.js dist/newsreel_bg.wasm dist/newsreel.css www/dist/
	node tools/server-page.mjs

## What the element promises the page, written from its one table
## (crates/newsreel-core/src/contract.rs): crates/newsreel/js/custom-elements.json,
## and the marked parts of index.d.ts, element.js and README.md. `make test`
## fails while one of them differs (crates/newsreel-server/tests/contract_files.rs).
contract:
	NEWSREEL_BLESS=1 cargo test -p newsreel-server --test contract_files

# ---------------------------------------------------------------- tests

# The formatting is rustfmt's (rustfmt.toml), checked first, then clippy over
# every crate and target (the shell crate for wasm32 too: natively it is
# empty), then every native test of the workspace.
test-native: | tools-rust
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p newsreel --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo test --workspace --all-targets

test-browser: test-chrome test-firefox

# The shell crate's browser tests (crates/newsreel/tests), in each browser.
test-chrome: | tools-rust tools-browsers
	wasm-pack test --release --headless --chrome $(WEB)

test-firefox: | tools-rust tools-browsers
	wasm-pack test --release --headless --firefox $(WEB)

test-e2e: www hooks consumers native-tool | tools-browsers
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
	node bench/server.mjs
	node bench/blocking.mjs
	node tools/size.mjs

clean:
	rm -rf target pkg dist www/dist www/server.html tools/node_modules $(CONSUMERS)/node_modules $(CONSUMERS)/build $(CONSUMERS)/*.tgz

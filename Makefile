# zktreasury — every target installs what it needs (Go modules, solc-js, geth).
GO      ?= go
BIN     := bin/zktreasury
OUT     := out/demo
KEYS    := $(OUT)/keys
CASE    := testdata/solvency
Z       := ./$(BIN)

GETH_CACHE ?= $(HOME)/.cache/zktreasury/geth

.PHONY: all build deps test test-short test-e2e bench lint demo demo-engine contracts dev-keys clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/zktreasury

deps:
	$(GO) mod download
	npm ci --prefix contracts --no-audit --no-fund

# Regenerate the exported verifiers (from the committed development verifying keys in
# testdata/keys), the Solidity artifacts and the Go bindings.
contracts: deps
	$(GO) run ./contracts/internal/exportverifiers
	$(GO) run ./contracts/internal/gen

# New INSECURE development keys where a circuit changed, then regenerate.
dev-keys: deps
	$(GO) run ./contracts/internal/exportverifiers -setup
	$(GO) run ./contracts/internal/gen

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

# Everything CI runs. Circuit tests use small sizes; the large ones are benchmarks.
test: deps lint
	$(GO) test -count=1 -timeout 25m ./...
	$(MAKE) test-e2e

# End to end against a real geth --dev node on 127.0.0.1, installed into a cache
# directory on first use (go install github.com/ethereum/go-ethereum/cmd/geth@v1.17.8).
test-e2e:
	ZKT_E2E=1 ZKT_GETH_CACHE=$(GETH_CACHE) $(GO) test -count=1 -timeout 20m -run 'TestGeth.*EndToEnd' -v ./contracts/devnode/ ./cmd/zktreasury/internal/chain/

GETH      := $(GETH_CACHE)/bin/geth
GETH_PORT ?= 18545
$(GETH):
	mkdir -p $(GETH_CACHE)/bin
	cd $(GETH_CACHE)/bin && GOWORK=off GOBIN=$(abspath $(GETH_CACHE)/bin) $(GO) install -ldflags='-s -w' github.com/ethereum/go-ethereum/cmd/geth@v1.17.8

test-short: deps
	$(GO) test -short -count=1 ./...

# Performance figures quoted in README.md (about 20 minutes on 2 cores).
bench: deps
	$(GO) test ./prover -run '^$$' -bench 'SolvencyConstraints' -benchtime 1x -timeout 30m
	$(GO) test ./prover -run '^$$' -bench 'SolvencyProve' -benchtime 1x -timeout 60m
	$(GO) test ./prover -run '^$$' -bench 'ComplianceConstraints' -benchtime 1x -timeout 30m
	$(GO) test ./circuits/epoch -run '^$$' -bench 'PublicHashConstraints' -benchtime 1x -timeout 30m
	$(GO) test ./contracts/ -run '^$$' -bench SubmitEpochGas -benchtime 3x
	$(GO) test ./circuits/batch -run '^$$' -bench Constraints -benchtime 1x -timeout 30m
	$(GO) test ./prover/batch -run '^$$' -bench BatchProve -benchtime 1x -timeout 60m
	$(GO) test ./prover/aggregate -run '^$$' -bench Aggregate -benchtime 1x -timeout 60m
	$(GO) test ./prover/inclusion -run '^$$' -bench InclusionAll -benchtime 1x -timeout 30m
	GOGC=50 $(GO) test ./prover/recursionbench -run '^$$' -bench . -benchtime 1x -timeout 90m

# The main job end to end on the built-in fixtures: `zktreasury run` plans, executes, logs,
# proves, verifies and submits four chained epochs of testdata/run to a real geth --dev, then a
# user checks their inclusion on-chain; the insolvent case is refused with exit 3 and no proof.
RUN_CASE := testdata/run
RUN_KEYS := $(KEYS)/.run-epoch-u16-k8.stamp
CIRCUIT_SRC := $(shell find circuits prover/statement -name '*.go' ! -name '*_test.go' 2>/dev/null)

demo: deps build $(GETH) $(RUN_KEYS)
	@rm -rf $(OUT)/state; set -e; R=http://127.0.0.1:$(GETH_PORT); \
	  $(GETH) --dev --http --http.addr 127.0.0.1 --http.port $(GETH_PORT) --http.api eth,net,web3 \
	    --nodiscover --maxpeers 0 --nat none --ipcdisable > $(OUT)/geth.log 2>&1 & pid=$$!; \
	  trap 'kill $$pid 2>/dev/null; wait $$pid 2>/dev/null || true' EXIT; \
	  for i in $$(seq 100); do grep -q "HTTP server started" $(OUT)/geth.log && break; sleep 0.1; done; \
	  echo "== run: four chained epochs of $(RUN_CASE) on geth --dev (plan, execute, log, prove, verify, submit)"; \
	  $(Z) run --config $(RUN_CASE)/config.json --state $(OUT)/state --keys $(KEYS) --epochs 4 --rpc $$R --dev-account; \
	  echo "== a user checks their balance was counted, against the root the registry recorded for epoch 4"; \
	  $(Z) inclusion verify $(OUT)/state/epochs/4/inclusion/alice.inclusion.json --rpc $$R --policy $(RUN_CASE)/policy.json \
	    --registry $$(sed -n 's/^  "registry": "\(0x[0-9a-fA-F]*\)",$$/\1/p' $(OUT)/state/deployment.json)
	@echo "== an insolvent treasury is refused with exit 3 and no proof (checked before any key is loaded)"
	@$(Z) prove solvency --case $(CASE)/insolvent --keys $(KEYS) --out $(OUT)/insolvent.proof.json; \
	  code=$$?; if [ $$code -ne 3 ]; then echo "expected exit 3, got $$code"; exit 1; fi; \
	  test ! -e $(OUT)/insolvent.proof.json && echo "(exit 3 as expected; no proof written)"

# Insecure development keys for the demo's circuit shapes, cached under $(KEYS) until a circuit
# or the fixture's policy changes.
$(RUN_KEYS): $(RUN_CASE)/policy.json $(RUN_CASE)/config.json $(CIRCUIT_SRC) | build
	@mkdir -p $(KEYS)
	@echo "== insecure development keys for testdata/run's epoch circuit (16 users, K = 8)"
	$(Z) keys setup epoch --insecure-dev --policy $(RUN_CASE)/policy.json --capacity 16 --slots 8 --keys $(KEYS)
	@touch $@

demo-engine:
	@mkdir -p $(OUT)
	@echo "== engine: risk report (VaR, stress, runway, circuit breakers)"
	$(Z) risk --dir testdata/engine
	@echo "== engine: 3-year backtest through a crash, against buy-and-hold (report: $(OUT)/backtest/report.html)"
	$(Z) backtest --policy testdata/engine/policy.json --config testdata/engine/engine.json --series testdata/backtest/crash.csv --out $(OUT)/backtest --quiet

clean:
	rm -rf bin out

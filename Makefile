# zktreasury — every target installs what it needs (Go modules, solc-js, geth).
GO      ?= go
BIN     := bin/zktreasury
OUT     := out/demo
KEYS    := $(OUT)/keys
CASE    := testdata/solvency
Z       := ./$(BIN)

GETH_CACHE ?= $(HOME)/.cache/zktreasury/geth

.PHONY: all build deps test test-short test-e2e bench lint demo demo-engine demo-solvency demo-epoch demo-chain contracts dev-keys clean

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
	$(GO) test ./contracts/ -run '^$$' -bench SubmitEpochGas -benchtime 3x

# The main job end to end on the built-in fixtures.
demo: build demo-engine demo-solvency demo-epoch demo-chain

demo-engine:
	@mkdir -p $(OUT)
	@echo "== engine: plan this epoch's rebalance inside the policy's corridors"
	$(Z) plan --dir testdata/engine
	@echo "== engine: risk report (VaR, stress, runway, circuit breakers)"
	$(Z) risk --dir testdata/engine
	@echo "== engine: 3-year backtest through a crash, against buy-and-hold (report: $(OUT)/backtest/report.html)"
	$(Z) backtest --policy testdata/engine/policy.json --config testdata/engine/engine.json --series testdata/backtest/crash.csv --out $(OUT)/backtest --quiet
	@echo "== governance: the policy commitment every proof carries"
	$(Z) policy commit --policy $(CASE)/solvent/policy.json

demo-epoch:
	@echo "== epoch: one proof that the logged actions stayed inside the corridors and S(n) is solvent"
	$(Z) keys setup epoch --insecure-dev --case testdata/epoch --keys $(KEYS)
	$(Z) prove epoch --case testdata/epoch --keys $(KEYS) --out $(OUT)/epoch.proof.json
	$(Z) verify $(OUT)/epoch.proof.json --keys $(KEYS) --policy testdata/epoch/policy.json --epoch 1

demo-solvency:
	@mkdir -p $(OUT)
	@echo "== solvency: insecure development keys for the fixture's circuit shape"
	$(Z) keys setup solvency --insecure-dev --case $(CASE)/solvent --keys $(KEYS)
	@echo "== solvency: prove the solvent case"
	$(Z) prove solvency --case $(CASE)/solvent --keys $(KEYS) --out $(OUT)/solvency.proof.json
	@echo "== anyone: verify the proof with the pinned verifying key"
	$(Z) verify $(OUT)/solvency.proof.json --keys $(KEYS) --policy $(CASE)/solvent/policy.json --epoch 1
	@echo "== operator -> user: export a user's inclusion proof; the user checks it"
	$(Z) inclusion export --case $(CASE)/solvent --user acct-1000 --out $(OUT)/acct-1000.inclusion.json
	$(Z) inclusion verify $(OUT)/acct-1000.inclusion.json --proof $(OUT)/solvency.proof.json --keys $(KEYS)
	@echo "== the insolvent case is refused with exit code 3 and no proof"
	@$(Z) prove solvency --case $(CASE)/insolvent --keys $(KEYS) --out $(OUT)/insolvent.proof.json; \
	  code=$$?; if [ $$code -ne 3 ]; then echo "expected exit 3, got $$code"; exit 1; fi; \
	  test ! -e $(OUT)/insolvent.proof.json && echo "(exit 3 as expected; no proof written)"

demo-chain: deps build demo-epoch $(GETH)
	@echo "== on-chain: deploy the epoch verifier, mock feeds and the registry on geth --dev; submit; read; a user checks inclusion"
	@set -e; R=http://127.0.0.1:$(GETH_PORT); \
	  $(GETH) --dev --http --http.addr 127.0.0.1 --http.port $(GETH_PORT) --http.api eth,net,web3 \
	    --nodiscover --maxpeers 0 --nat none --ipcdisable > $(OUT)/geth.log 2>&1 & pid=$$!; \
	  trap 'kill $$pid 2>/dev/null; wait $$pid 2>/dev/null || true' EXIT; \
	  for i in $$(seq 100); do grep -q "HTTP server started" $(OUT)/geth.log && break; sleep 0.1; done; \
	  set -x; \
	  $(Z) chain deploy --rpc $$R --dev-account --keys $(KEYS) --case testdata/epoch --feeds mock --out $(OUT)/deployment.json; \
	  $(Z) epoch submit --rpc $$R --dev-account --deployment $(OUT)/deployment.json $(OUT)/epoch.proof.json; \
	  $(Z) epoch status --rpc $$R --deployment $(OUT)/deployment.json; \
	  $(Z) inclusion export --case testdata/epoch --user acct-1000 --out $(OUT)/acct-1000.epoch.inclusion.json; \
	  $(Z) inclusion verify $(OUT)/acct-1000.epoch.inclusion.json --rpc $$R --policy testdata/epoch/policy.json \
	    --registry $$(sed -n 's/^  "registry": "\(0x[0-9a-fA-F]*\)",$$/\1/p' $(OUT)/deployment.json); \
	  set +x; echo "== the same epoch submitted again is refused with exit 3"; \
	  code=0; $(Z) epoch submit --rpc $$R --dev-account --deployment $(OUT)/deployment.json $(OUT)/epoch.proof.json || code=$$?; \
	  test $$code -eq 3 && echo "(exit 3 as expected)"

clean:
	rm -rf bin out

package chain_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
)

// TestOnChainUsageErrors checks that a wrong command line exits 2, naming what to fix, before
// anything connects to a node.
func TestOnChainUsageErrors(t *testing.T) {
	key := filepath.Join(t.TempDir(), "k")
	if err := os.WriteFile(key, []byte("00"), 0o600); err != nil {
		t.Fatal(err)
	}
	rpc := "http://127.0.0.1:1"
	// A copy of the epoch case whose case.json names no start time.
	noStart := t.TempDir()
	for _, f := range []string{"policy.json", "prices.csv", "positions.csv", "liabilities.csv", "secrets.json", "actions.jsonl"} {
		data, err := os.ReadFile(filepath.Join(epochCase, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(noStart, f), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(noStart, "case.json"), []byte(`{"epoch": 1, "capacity": 16, "slots": 6}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"chain", "deploy", "--rpc", rpc, "--case", epochCase}, "exactly one of --key FILE and --dev-account"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--dev-account", "--case", epochCase}, "exactly one of --key"},
		{[]string{"chain", "deploy", "--key", key, "--case", epochCase}, "--rpc is required"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key}, "--case is required"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--genesis-time", "yesterday"}, "--genesis-time"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--heartbeat", "USDC"}, "want SYMBOL=DURATION"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--heartbeat", "USDC=1500ms"}, "want SYMBOL=DURATION"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--sequencer-feed", "seq"}, "not an address"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--keys", devKeys, "--genesis-time", "1",
			"--feed", "USDC=0x0000000000000000000000000000000000000001", "--feeds", "mock"}, "--feed USDC needs --heartbeat USDC=DURATION"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", noStart, "--keys", devKeys, "--feeds", "mock"}, "no genesis time: pass --genesis-time"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--backend", "stark"}, "--backend"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--feeds", "chainlink"}, "want mock"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--policy-delay", "1500ms"}, "whole number of seconds"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--policy-grace", "0s"}, "whole number of seconds"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--governance", "bob"}, "not an address"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--keys", devKeys}, "no price feed for [USDC WETH WBTC]"},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--feed", "DOGE=0x0000000000000000000000000000000000000001"}, `no asset "DOGE"`},
		{[]string{"chain", "deploy", "--rpc", rpc, "--key", key, "--case", epochCase, "--feed", "USDC:0x01"}, "want SYMBOL=0xADDRESS"},
		{[]string{"epoch", "submit", "--rpc", rpc, "--deployment", "d.json", "p.json"}, "exactly one of --key"},
		{[]string{"epoch", "submit", "--rpc", rpc, "--key", key, "--deployment", "d.json"}, "accepts 1 arg"},
		{[]string{"epoch", "submit", "--rpc", rpc, "--key", key, "a", "b"}, "accepts 1 arg"},
		{[]string{"epoch", "submit", "--rpc", rpc, "--key", key, "--deployment", "d.json", "p.json", "--timeout", "0s"}, "--timeout 0s"},
		{[]string{"policy", "queue", "--rpc", rpc, "--key", key, "--from-epoch", "2"}, "--policy is required"},
		{[]string{"policy", "queue", "--rpc", rpc, "--key", key, "--policy", "p.json"}, "--from-epoch is required"},
		{[]string{"policy", "queue", "--rpc", rpc, "--policy", "p.json", "--from-epoch", "2"}, "exactly one of --key"},
		{[]string{"policy", "execute", "--key", key}, "--rpc is required"},
		{[]string{"policy", "cancel", "--rpc", rpc, "--key", key, "--dev-account"}, "exactly one of --key"},
		{[]string{"policy", "status", "--deployment", "d.json"}, "--rpc is required"},
		{[]string{"chain", "pause", "--rpc", rpc, "--key", key, "--timeout", "-1s"}, "--timeout -1s"},
		{[]string{"chain", "unpause", "--rpc", rpc, "--key", key, "--deployment", ""}, "--deployment is required"},
		{[]string{"chain", "role", "propose", "--rpc", rpc, "--key", key, "--role", "owner", "--to", "0x0000000000000000000000000000000000000001"}, "want one of [governance guardian]"},
		{[]string{"chain", "role", "propose", "--rpc", rpc, "--key", key, "--role", "guardian", "--to", "bob"}, "--to \"bob\" is not an address"},
		{[]string{"chain", "role", "accept", "--rpc", rpc, "--key", key}, "--role \"\""},
		{[]string{"epoch", "status", "--rpc", rpc}, "exactly one of --deployment and --registry"},
		{[]string{"epoch", "status", "--rpc", rpc, "--registry", "0x12"}, "not an address"},
		{[]string{"inclusion", "verify", "f.json", "--registry", "0x0000000000000000000000000000000000000001"}, "--registry and --rpc go together"},
		{[]string{"inclusion", "verify", "f.json", "--root", "0x01", "--registry", "0x0000000000000000000000000000000000000001", "--rpc", rpc}, "exactly one of --root, --proof and --registry"},
	} {
		code, _, stderr := cli(t, tc.args...)
		if code != cmdutil.ExitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q; stderr:\n%s", tc.args, code, cmdutil.ExitUsage, tc.want, stderr)
		}
	}
}

// TestDeployWithoutKeys checks that a key store without the circuit's keys is an error (exit 1)
// that says which setup to run, found before any node is contacted.
func TestDeployWithoutKeys(t *testing.T) {
	key := filepath.Join(t.TempDir(), "k")
	if err := os.WriteFile(key, []byte("00"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := cli(t, "chain", "deploy", "--rpc", "http://127.0.0.1:1", "--key", key, "--case", epochCase,
		"--feeds", "mock", "--genesis-time", "1", "--keys", t.TempDir())
	if code != cmdutil.ExitError || !strings.Contains(stderr, "zktreasury keys setup epoch --insecure-dev --backend groth16 --range-check bits") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

// TestDeployWithoutCompiler checks that deploy run away from the repository, without
// --contracts, says where the compiler is expected, before any node is contacted.
func TestDeployWithoutCompiler(t *testing.T) {
	keys, err := filepath.Abs(devKeys)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := filepath.Abs(epochCase)
	if err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(t.TempDir(), "k")
	if err := os.WriteFile(key, []byte("00"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	code, _, stderr := cli(t, "chain", "deploy", "--rpc", "http://127.0.0.1:1", "--key", key, "--case", cs, "--feeds", "mock", "--genesis-time", "1", "--keys", keys)
	if code != cmdutil.ExitError || !strings.Contains(stderr, "solc-js compiler unavailable") || !strings.Contains(stderr, "--contracts") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

package chain

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func TestGovernanceWarning(t *testing.T) {
	signer, dao := common.HexToAddress("0x01"), common.HexToAddress("0x02")
	for _, tc := range []struct {
		gov   common.Address
		chain int64
		warn  bool
	}{
		{signer, 1, true},      // mainnet, the deployer's key
		{signer, 42161, true},  // an L2
		{dao, 1, false},        // a separate governance
		{signer, 1337, false},  // geth --dev
		{signer, 31337, false}, // hardhat, anvil
	} {
		w := governanceWarning(tc.gov, signer, big.NewInt(tc.chain))
		if (w != "") != tc.warn || (tc.warn && !strings.Contains(w, "deployer's own key")) {
			t.Errorf("governance %s on chain %d: warning %q", tc.gov, tc.chain, w)
		}
	}
}

func TestParseTime(t *testing.T) {
	for in, want := range map[string]int64{"1700000000": 1700000000, "2026-12-01T00:00:00Z": 1796083200} {
		got, err := ParseTime(in)
		if err != nil || got.Unix() != want {
			t.Errorf("ParseTime(%q) = %v, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"0", "-5", "yesterday", "2026-12-01T00:00:00.5Z"} {
		if _, err := ParseTime(bad); err == nil {
			t.Errorf("ParseTime(%q) accepted", bad)
		}
	}
}

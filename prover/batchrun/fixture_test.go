package batchrun

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/prover/statement"
)

// writeFixture writes a 4-asset case with n users into dir and returns its
// files (policy, prices and positions of testdata/engine, the secrets of
// testdata/solvency/solvent).
func writeFixture(t testing.TB, dir string, n int) statement.SolvencyFiles {
	t.Helper()
	root := "../../testdata"
	cp := func(src, name string) string {
		data, err := os.ReadFile(filepath.Join(root, src))
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, name)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return dst
	}
	f := statement.SolvencyFiles{
		Policy:    cp("engine/policy.json", "policy.json"),
		Prices:    cp("engine/prices.csv", "prices.csv"),
		Positions: cp("engine/positions.csv", "positions.csv"),
		Secrets:   cp("solvency/solvent/secrets.json", "secrets.json"),
	}
	var b strings.Builder
	b.WriteString("user_id,USDC,DAI,WETH,WBTC\n")
	for i := range n {
		fmt.Fprintf(&b, "user-%03d,%d.25,%d,0.%06d,0.%08d\n", i, 1000+i, 7*i, i+1, 3*i)
	}
	f.Liabilities = filepath.Join(dir, "liabilities.csv")
	if err := os.WriteFile(f.Liabilities, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

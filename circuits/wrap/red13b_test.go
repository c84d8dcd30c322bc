package wrap_test

import (
	"crypto/sha256"
	"math/big"
	"math/bits"
	"testing"

	fa "github.com/consensys/gnark-crypto/ecc/bw6-761/fr"
	"github.com/consensys/gnark/frontend"

	circuit "github.com/zktreasury/zktreasury/circuits/wrap"
	"github.com/zktreasury/zktreasury/prover/batch"
)

// TestNonCanonicalJoinedRoot (red13b): the joined root is an emulated F_a
// element whose six 64-bit limbs the prover chooses. Given as root + r_a
// (below 2^384, so it fits the 48 bytes the digest hashes), it is the same
// scalar to the joined proof's verifier (the MSM works mod r_a), so if the
// digest were taken over the limbs as given, one joined root would have two
// registry roots: the honest digest and the digest of the alias. The wrap
// hashes the canonical bits (ToBitsCanonical), so the alias's digest is
// refused. Not parallel: two wrap solves, ~7 GB each.
func TestNonCanonicalJoinedRoot(t *testing.T) {
	s, a := honest(t, totals(t))
	c := shape(t, s, fixture.key)
	x := s.Joined.Root.BigInt(new(big.Int))
	x.Add(x, fa.Modulus())
	if x.BitLen() > 8*circuit.RootBytes {
		t.Fatalf("root + r_a has %d bits: does not fit the digest's %d bytes, pick another root", x.BitLen(), circuit.RootBytes)
	}
	limbs := make([]frontend.Variable, 6)
	mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 64), big.NewInt(1))
	for i := range limbs {
		limbs[i] = new(big.Int).And(new(big.Int).Rsh(x, uint(64*i)), mask)
	}
	a.JoinedRoot.Limbs = limbs
	// The alias under the honest digest: the same statement (it may pass);
	// logged so that a refusal of the limbs themselves, which would make the
	// check below pass for another reason, shows in -v.
	if err := solve(t, c, a); err != nil {
		t.Logf("root + r_a under the honest digest: refused too (%.200s)", err)
	} else {
		t.Log("root + r_a under the honest digest: accepted (the same root and digest)")
	}
	var enc [circuit.RootBytes]byte
	x.FillBytes(enc[:])
	h := sha256.Sum256(append(enc[:], byte(bits.TrailingZeros(uint(users)))))
	alias := new(big.Int).SetBytes(h[:])
	alias.Mod(alias, new(big.Int).Lsh(big.NewInt(1), batch.DigestBits))
	if alias.Cmp(s.LiabilitiesRoot) == 0 {
		t.Fatal("the alias's digest is the honest one")
	}
	rehash(t, s, a, alias)
	mustFail(t, c, a, "the digest of the joined root's encoding as root + r_a")
}

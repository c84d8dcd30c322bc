package prover

import (
	"fmt"
	"time"

	kzg "github.com/consensys/gnark-crypto/ecc/bn254/kzg"

	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// SetupPlonkSRS compiles the job for PLONK and sets up its keys from a KZG SRS
// file in gnark-crypto's format, converted from a public powers-of-tau
// ceremony; lagrangePath may be empty (the Lagrange form is then derived). The
// SRS is checked (subgroups, powers of one τ, size) and its digest recorded in
// the keys' transcript.
func SetupPlonkSRS(store keystore.Store, j Job, srsPath, lagrangePath string, logf Logf) (*keystore.Meta, error) {
	b := zk.Plonk{}
	ccs, digest, err := Compile(b, j, logf)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	canonical, srsDigest, err := zk.ReadSRS(srsPath)
	if err != nil {
		return nil, err
	}
	var lagrange *kzg.SRS
	if lagrangePath != "" {
		if lagrange, _, err = zk.ReadSRS(lagrangePath); err != nil {
			return nil, err
		}
	}
	logf.log("read SRS %s (%d G1 points, digest %.16s) in %s", srsPath, len(canonical.Pk.G1), srsDigest, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	keys, err := b.SetupWithSRS(ccs, canonical, lagrange)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", srsPath, err)
	}
	logf.log("setup done in %s", time.Since(start).Round(time.Millisecond))
	m := keystore.Meta{Circuit: j.Circuit, Params: j.Params, Backend: b.Name(), CircuitDigest: digest,
		Constraints: ccs.GetNbConstraints(), PublicInputs: b.NbPublicInputs(ccs),
		Created: time.Now().UTC().Truncate(time.Second)}
	t := keystore.Transcript{Kind: keystore.KindKZGSRS, SRS: &keystore.SRSSource{Digest: srsDigest, Size: len(canonical.Pk.G1)}}
	if err := store.SaveWithTranscript(m, keys, t); err != nil {
		return nil, fmt.Errorf("save keys: %w", err)
	}
	return store.LoadMeta(j.Circuit, b.Name(), digest)
}

package chain

import (
	"github.com/zktreasury/zktreasury/prover"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// ExportVerifier compiles the circuit of shape, loads its verifying key from the store (the key
// must be for exactly this circuit) and returns the circuit's parameters, the key's metadata and
// the exported Solidity verifier, as `chain deploy` deploys it.
func ExportVerifier(store keystore.Store, b zk.Backend, shape prover.Shape) (params string, meta *keystore.Meta, source []byte, err error) {
	ev, err := exportVerifier(store, b, shape)
	if err != nil {
		return "", nil, nil, err
	}
	return ev.params, ev.meta, ev.source, nil
}

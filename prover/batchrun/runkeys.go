package batchrun

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/consensys/gnark/constraint"

	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// runKeys returns the keys of circuit (compiled as ccs, named params) from
// run dir's key store, making them with a single-party setup (insecure,
// development only) and saving them when there are none yet. Keys just made
// are used as they are: reading the proving key back from disk would hold two
// of them at the setup's peak. what names the keys in messages.
func runKeys(dir string, b zk.Backend, circuit, params, what string, ccs constraint.ConstraintSystem, step func(string, ...any)) (pk, vk io.WriterTo, meta *keystore.Meta, err error) {
	digest, err := keystore.CircuitDigest(ccs)
	if err != nil {
		return nil, nil, nil, err
	}
	store := keystore.Store{Dir: keysDir(dir)}
	pk, meta, err = store.LoadProvingKey(b, circuit, ccs)
	if errors.Is(err, keystore.ErrNoKeys) {
		step("setting up the %s keys (%d constraints, single-party: INSECURE)", what, ccs.GetNbConstraints())
		keys, err := b.SetupInsecure(ccs)
		if err != nil {
			return nil, nil, nil, err
		}
		if err := store.Save(keystore.Meta{Circuit: circuit, Params: params, Backend: b.Name(),
			CircuitDigest: digest, Constraints: ccs.GetNbConstraints(), PublicInputs: b.NbPublicInputs(ccs),
			Insecure: true, Created: time.Now().UTC()}, keys); err != nil {
			return nil, nil, nil, fmt.Errorf("save %s keys: %w", what, err)
		}
		if meta, err = store.LoadMeta(circuit, b.Name(), digest); err != nil {
			return nil, nil, nil, fmt.Errorf("%s keys: %w", what, err)
		}
		// The setup's scratch, the largest allocation of a run, is garbage now.
		runtime.GC()
		debug.FreeOSMemory()
		return keys.PK, keys.VK, meta, nil
	}
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s proving key: %w", what, err)
	}
	if vk, _, err = store.LoadVerifyingKey(b, circuit, digest); err != nil {
		return nil, nil, nil, fmt.Errorf("%s verifying key: %w", what, err)
	}
	return pk, vk, meta, nil
}

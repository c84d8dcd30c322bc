package ceremony

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/consensys/gnark/frontend"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/keystore"
	"github.com/zktreasury/zktreasury/prover/zk"
)

// TestCeremonyKeysOnChain: keys from the three-contributor ceremony, exported
// as gnark's Solidity verifier, accept the honest proof on the simulated chain
// and reject it for another public input. Skipped when solc-js is not
// installed (`npm ci --prefix contracts`).
func TestCeremonyKeysOnChain(t *testing.T) {
	dir := honest(t)
	c := circuitK(t, 5)
	store := keystore.Store{Dir: t.TempDir()}
	if _, err := Finalize(dir, c, beacon2, store, nil); err != nil {
		t.Fatal(err)
	}
	b := zk.Groth16{}
	vk, _, err := store.LoadVerifyingKey(b, c.Name, c.Digest())
	if err != nil {
		t.Fatal(err)
	}
	var sol bytes.Buffer
	if err := b.ExportSolidity(vk, &sol); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	arts, err := contracts.CompileVerifiers(ctx, "../../contracts", map[string][]byte{"CeremonyVerifier": sol.Bytes()})
	if errors.Is(err, contracts.ErrNoCompiler) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	art := arts["CeremonyVerifier"]

	pk, _, err := store.LoadProvingKey(b, c.Name, c.CS)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := frontend.NewWitness(&committed{X: 3, Y: 35}, zk.Curve.ScalarField())
	proof, err := b.Prove(c.CS, pk, full)
	if err != nil {
		t.Fatal(err)
	}
	calldata, err := zk.SolidityCalldata(proof)
	if err != nil {
		t.Fatal(err)
	}

	key, _ := crypto.GenerateKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{from: {Balance: new(big.Int).Mul(big.NewInt(10), big.NewInt(1e18))}})
	defer sim.Close()
	client := sim.Client()
	auth := bind.NewKeyedTransactor(key, big.NewInt(1337))
	addr, _, err := bind.DeployContract(auth, art.Bytecode, client, nil)
	if err != nil {
		t.Fatal(err)
	}
	sim.Commit()
	call := func(y int64) error {
		data, err := art.ABI.Pack("verifyProof", calldata, [1]*big.Int{big.NewInt(y)})
		if err != nil {
			t.Fatal(err)
		}
		_, err = client.CallContract(ctx, ethereum.CallMsg{From: from, To: &addr, Data: data}, nil)
		return err
	}
	if err := call(35); err != nil {
		t.Fatalf("honest proof rejected on-chain: %v", err)
	}
	if err := call(36); err == nil {
		t.Fatal("proof for Y=35 accepted on-chain for Y=36")
	}
}

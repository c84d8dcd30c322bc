package epoch

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"sort"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/chain"
	"github.com/zktreasury/zktreasury/contracts"
	"github.com/zktreasury/zktreasury/prover/prooffile"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// maxRoundID is the largest Chainlink round id, 2^80 - 1.
var maxRoundID = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 80), big.NewInt(1))

// Rounds maps each asset's symbol to the Chainlink round (proxy round id) its price was taken
// from, as a proof file's "rounds" object or a --rounds file holds it:
// {"USDC": "18446744073709551617", ...}, ids as decimal (or 0x-hex) strings.
type Rounds map[string]*big.Int

// ParseRounds parses a rounds object; what names the source in errors.
func ParseRounds(raw json.RawMessage, what string) (Rounds, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: rounds must be an object of SYMBOL: \"round id\": %w", what, err)
	}
	out := Rounds{}
	for sym, v := range m {
		var s string
		switch x := v.(type) {
		case string:
			s = x
		case json.Number:
			s = x.String()
		default:
			return nil, fmt.Errorf("%s: rounds.%s = %v: want a round id string", what, sym, v)
		}
		id, ok := new(big.Int).SetString(s, 0)
		if !ok || id.Sign() <= 0 || id.Cmp(maxRoundID) > 0 {
			return nil, fmt.Errorf("%s: rounds.%s = %q is not a Chainlink round id in [1, 2^80)", what, sym, s)
		}
		out[sym] = id
	}
	return out, nil
}

// ReadRoundsFile reads a --rounds file.
func ReadRoundsFile(path string) (Rounds, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--rounds: %w", err)
	}
	return ParseRounds(raw, path)
}

// FileRounds reads a parsed proof file's "rounds" (prooffile.File.Rounds); ok is false when
// the file names none. Errors name the file.
func FileRounds(f *prooffile.File, path string) (r Rounds, ok bool, err error) {
	if len(f.Rounds) == 0 {
		return nil, false, nil
	}
	out := Rounds{}
	for sym, v := range f.Rounds {
		id, good := new(big.Int).SetString(v, 0)
		if !good || id.Sign() <= 0 || id.Cmp(maxRoundID) > 0 {
			return nil, false, fmt.Errorf("%s: rounds.%s = %q is not a Chainlink round id in [1, 2^80)", path, sym, v)
		}
		out[sym] = id
	}
	return out, true, nil
}

// ordered returns the round ids in the order of symbols; every symbol must have one and there
// must be no other.
func (r Rounds) ordered(symbols []string) ([]*big.Int, error) {
	out := make([]*big.Int, len(symbols))
	known := map[string]bool{}
	var missing []string
	for i, s := range symbols {
		known[s] = true
		id, ok := r[s]
		if !ok {
			missing = append(missing, s)
			continue
		}
		out[i] = id
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("no round for %v: the rounds must name one Chainlink round per asset (%v)", missing, symbols)
	}
	var extra []string
	for s := range r {
		if !known[s] {
			extra = append(extra, s)
		}
	}
	if len(extra) > 0 {
		sort.Strings(extra)
		return nil, fmt.Errorf("rounds for %v, which the registry has no feed for (assets: %v)", extra, symbols)
	}
	return out, nil
}

// BuildSubmission turns an epoch proof file and its rounds into the submission of a
// deployment. The proof must be for the circuit and verifying key the deployed verifier pins,
// and its public inputs exactly the registry's layout for the deployment's assets.
func BuildSubmission(dep *chain.Deployment, f *prooffile.File, rounds Rounds) (*contracts.Claim, error) {
	v := dep.Verifier
	if want := v.Circuit; f.Circuit != want {
		return nil, fmt.Errorf("a %s proof: the registry's verifier is the %s circuit's, and takes one proof of the whole epoch (solvency and compliance together; \"wrap\" for a batched epoch)", f.Circuit, want)
	}
	if f.Backend != dep.Backend {
		return nil, fmt.Errorf("the epoch proof is %s, the deployed verifier is %s", f.Backend, dep.Backend)
	}
	if f.CircuitDigest != v.CircuitDigest || f.VerifyingKeyDigest != v.VerifyingKeyDigest {
		return nil, fmt.Errorf("the epoch proof was made with key %.16s for circuit %.16s (%s), the deployed verifier pins key %.16s for circuit %.16s (%s)",
			f.VerifyingKeyDigest, f.CircuitDigest, f.Params, v.VerifyingKeyDigest, v.CircuitDigest, v.Params)
	}
	if len(f.Solidity.Proof) < 4 {
		return nil, errors.New("the epoch proof file has no solidity.proof calldata")
	}
	proof, err := prooffile.DecodeHex(f.Solidity.Proof)
	if err != nil {
		return nil, fmt.Errorf("epoch proof's solidity.proof: %w", err)
	}
	symbols := dep.Symbols()
	ids, err := rounds.ordered(symbols)
	if err != nil {
		return nil, err
	}
	var in []contracts.PublicInput
	for _, x := range f.PublicInputs {
		e, err := statement.ParseElement(x.Value)
		if err != nil {
			return nil, fmt.Errorf("the epoch proof's %s = %q: %w", x.Name, x.Value, err)
		}
		in = append(in, contracts.PublicInput{Name: x.Name, Value: e.BigInt(new(big.Int))})
	}
	c, err := contracts.ClaimFromInputs(in, symbols, ids, proof)
	if err != nil {
		return nil, err
	}
	c.Proof = proof
	return c, nil
}

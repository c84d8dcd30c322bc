package contracts

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Artifact is one contract compiled by tools/compile.js: build/<Name>.json.
type Artifact struct {
	// ABI is the contract's parsed ABI.
	ABI abi.ABI
	// Bytecode is the creation code.
	Bytecode []byte
}

// ReadArtifact reads a {"abi": [...], "bin": "0x..."} file written by tools/compile.js, e.g. a
// compiled gnark verifier to pass as VerifierSpec.Bytecode.
func ReadArtifact(path string) (Artifact, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Artifact{}, fmt.Errorf("read artifact: %w", err)
	}
	var f struct {
		ABI json.RawMessage `json:"abi"`
		Bin string          `json:"bin"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return Artifact{}, fmt.Errorf("artifact %s: %w", path, err)
	}
	if !strings.HasPrefix(f.Bin, "0x") || len(f.Bin) < 4 {
		return Artifact{}, fmt.Errorf("artifact %s: bin is not 0x-prefixed bytecode", path)
	}
	code, err := hexutil.Decode(f.Bin)
	if err != nil {
		return Artifact{}, fmt.Errorf("artifact %s: bin: %w", path, err)
	}
	if len(f.ABI) == 0 {
		return Artifact{}, errors.New("artifact " + path + ": no abi")
	}
	parsed, err := abi.JSON(strings.NewReader(string(f.ABI)))
	if err != nil {
		return Artifact{}, fmt.Errorf("artifact %s: abi: %w", path, err)
	}
	return Artifact{ABI: parsed, Bytecode: code}, nil
}

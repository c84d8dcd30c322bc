package runner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/statement"
)

// StateFormat is the format tag of state.json.
const StateFormat = "zktreasury-run-state/1"

// Stage is how far an epoch got; stages only move forward.
type Stage string

// The stages of an epoch, in order.
const (
	// StagePlanned: the epoch's case directory (inputs, action log) is written.
	StagePlanned Stage = "planned"
	// StageProved: its proof is written and verified with the pinned verifying key.
	StageProved Stage = "proved"
	// StageSubmitted: its transaction is signed and its hash recorded (it may have landed).
	StageSubmitted Stage = "submitted"
	// StageConfirmed: the registry records the epoch with this run's commitments.
	StageConfirmed Stage = "confirmed"
)

var stageOrder = map[Stage]int{"": 0, StagePlanned: 1, StageProved: 2, StageSubmitted: 3, StageConfirmed: 4}

// State is the state directory's state.json.
type State struct {
	// Format is StateFormat.
	Format string `json:"format"`
	// Deployment is the deployment file (relative to the state directory), once deployed.
	Deployment string `json:"deployment,omitempty"`
	// LastEpoch is the last confirmed epoch, 0 before the first.
	LastEpoch uint64 `json:"lastEpoch"`
	// StateCommitment is S(LastEpoch) (the genesis state before epoch 1), and LiabilitiesRoot
	// that epoch's root.
	StateCommitment string `json:"stateCommitment,omitempty"`
	LiabilitiesRoot string `json:"liabilitiesRoot,omitempty"`
	// Epochs are every epoch started, in order.
	Epochs []EpochState `json:"epochs"`
}

// EpochState is one epoch's progress.
type EpochState struct {
	// Epoch is the epoch's number and Stage how far it got.
	Epoch uint64 `json:"epoch"`
	Stage Stage  `json:"stage"`
	// Dir is the epoch's case directory, relative to the state directory; Proof and Log are
	// its proof file and action log.
	Dir   string `json:"dir"`
	Proof string `json:"proof,omitempty"`
	Log   string `json:"log"`
	// LogHead is the action log's head hash.
	LogHead string `json:"logHead"`
	// StateCommitment, LiabilitiesRoot and ActionsCommitment are the proof's public inputs.
	StateCommitment   string `json:"stateCommitment,omitempty"`
	LiabilitiesRoot   string `json:"liabilitiesRoot,omitempty"`
	ActionsCommitment string `json:"actionsCommitment,omitempty"`
	// TxHash is the submission's transaction, recorded before it is sent; Block and GasUsed
	// come from its receipt. Recognised is set when the epoch was found already on chain.
	TxHash     string `json:"txHash,omitempty"`
	Block      uint64 `json:"block,omitempty"`
	GasUsed    uint64 `json:"gasUsed,omitempty"`
	Recognised bool   `json:"recognisedOnChain,omitempty"`
	// RecordHash is the registry's record hash of the epoch.
	RecordHash string `json:"recordHash,omitempty"`
}

// StatePath is state.json's path in a state directory.
func StatePath(dir string) string { return filepath.Join(dir, "state.json") }

// LoadState reads a state directory's state.json; a missing file is a new run.
func LoadState(dir string) (*State, error) {
	path := StatePath(dir)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return &State{Format: StateFormat}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load run state: %w", err)
	}
	var s State
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%s: invalid run state JSON: %w", path, err)
	}
	if s.Format != StateFormat {
		return nil, fmt.Errorf("%s: format %q, want %q", path, s.Format, StateFormat)
	}
	for i, e := range s.Epochs {
		if e.Epoch != uint64(i+1) {
			return nil, fmt.Errorf("%s: epochs[%d] is epoch %d, want %d", path, i, e.Epoch, i+1)
		}
		if _, ok := stageOrder[e.Stage]; !ok || e.Stage == "" {
			return nil, fmt.Errorf("%s: epochs[%d].stage = %q: want planned, proved, submitted or confirmed", path, i, e.Stage)
		}
		// The paths are the run's own: an edited one would make a resumed run read (and
		// submit) another epoch's files.
		d := filepath.Join(epochsDir, fmt.Sprint(e.Epoch))
		for _, f := range []struct{ field, got, want string }{
			{"dir", e.Dir, d}, {"log", e.Log, filepath.Join(d, statement.ActionsFile)}, {"proof", e.Proof, filepath.Join(d, EpochProofFile)},
		} {
			if f.got != "" && filepath.Clean(f.got) != f.want {
				return nil, fmt.Errorf("%s: epochs[%d].%s = %q: want %q", path, i, f.field, f.got, f.want)
			}
		}
	}
	// lastEpoch is the count of confirmed epochs, which come first.
	confirmed := uint64(0)
	for i, e := range s.Epochs {
		if e.Stage != StageConfirmed {
			break
		}
		confirmed = uint64(i + 1)
	}
	for i := confirmed; i < uint64(len(s.Epochs)); i++ {
		if s.Epochs[i].Stage == StageConfirmed {
			return nil, fmt.Errorf("%s: epochs[%d] is confirmed after unconfirmed epoch %d (lastEpoch %d)", path, i, confirmed+1, s.LastEpoch)
		}
	}
	if s.LastEpoch != confirmed {
		return nil, fmt.Errorf("%s: lastEpoch = %d, but %d epoch(s) are confirmed", path, s.LastEpoch, confirmed)
	}
	return &s, nil
}

// save writes state.json atomically.
func (s *State) save(dir string) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return cmdutil.WriteFileAtomic(StatePath(dir), append(data, '\n'), 0o644)
}

// epoch returns epoch n's entry, or nil.
func (s *State) epoch(n uint64) *EpochState {
	if n == 0 || n > uint64(len(s.Epochs)) {
		return nil
	}
	return &s.Epochs[n-1]
}

// reached reports whether e got to stage st.
func (e *EpochState) reached(st Stage) bool { return e != nil && stageOrder[e.Stage] >= stageOrder[st] }

// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package epochregistry

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// EpochRegistryFeedConfig is an auto generated low-level Go binding around an user-defined struct.
type EpochRegistryFeedConfig struct {
	Aggregator      common.Address
	Decimals        uint8
	CircuitDecimals uint8
	Heartbeat       uint32
}

// EpochRegistryInitParams is an auto generated low-level Go binding around an user-defined struct.
type EpochRegistryInitParams struct {
	Governance           common.Address
	Guardian             common.Address
	GenesisState         *big.Int
	GenesisPolicy        *big.Int
	GenesisTime          uint64
	PolicyDelay          uint64
	PolicyGracePeriod    uint64
	Verifier             EpochRegistryVerifierConfig
	ValueDecimals        uint8
	Feeds                []EpochRegistryFeedConfig
	SequencerFeed        common.Address
	SequencerGracePeriod uint32
	TreeCapacity         uint64
}

// EpochRegistryPendingPolicy is an auto generated low-level Go binding around an user-defined struct.
type EpochRegistryPendingPolicy struct {
	Commitment *big.Int
	FromEpoch  uint64
	Eta        uint64
}

// EpochRegistryPolicyChange is an auto generated low-level Go binding around an user-defined struct.
type EpochRegistryPolicyChange struct {
	FromEpoch  uint64
	Commitment *big.Int
}

// EpochRegistryRecord is an auto generated low-level Go binding around an user-defined struct.
type EpochRegistryRecord struct {
	PrevRecordHash    [32]byte
	Epoch             uint64
	StartTime         uint64
	EndTime           uint64
	StateCommitment   *big.Int
	LiabilitiesRoot   *big.Int
	ActionsCommitment *big.Int
	ActionCount       uint64
	PolicyCommitment  *big.Int
	RoundIds          []*big.Int
	Prices            []*big.Int
	Inflows           []uint64
	Outflows          []uint64
}

// EpochRegistryStatusView is an auto generated low-level Go binding around an user-defined struct.
type EpochRegistryStatusView struct {
	LastEpoch    uint64
	LastEnd      uint64
	CurrentState *big.Int
	NextPolicy   *big.Int
	Paused       bool
	RecordHash   [32]byte
	Pending      EpochRegistryPendingPolicy
}

// EpochRegistrySubmission is an auto generated low-level Go binding around an user-defined struct.
type EpochRegistrySubmission struct {
	Epoch             uint64
	StartTime         uint64
	EndTime           uint64
	NewState          *big.Int
	LiabilitiesRoot   *big.Int
	ActionsCommitment *big.Int
	ActionCount       uint64
	RoundIds          []*big.Int
	Inflows           []uint64
	Outflows          []uint64
}

// EpochRegistryVerifierConfig is an auto generated low-level Go binding around an user-defined struct.
type EpochRegistryVerifierConfig struct {
	Verifier common.Address
	Kind     uint8
}

// EpochRegistryMetaData contains all meta data concerning the EpochRegistry contract.
var EpochRegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"governance\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"guardian\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"genesisState\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"genesisPolicy\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"genesisTime\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"policyDelay\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"policyGracePeriod\",\"type\":\"uint64\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"enumEpochRegistry.VerifierKind\",\"name\":\"kind\",\"type\":\"uint8\"}],\"internalType\":\"structEpochRegistry.VerifierConfig\",\"name\":\"verifier\",\"type\":\"tuple\"},{\"internalType\":\"uint8\",\"name\":\"valueDecimals\",\"type\":\"uint8\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"aggregator\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"decimals\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"circuitDecimals\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"heartbeat\",\"type\":\"uint32\"}],\"internalType\":\"structEpochRegistry.FeedConfig[]\",\"name\":\"feeds\",\"type\":\"tuple[]\"},{\"internalType\":\"address\",\"name\":\"sequencerFeed\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"sequencerGracePeriod\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"treeCapacity\",\"type\":\"uint64\"}],\"internalType\":\"structEpochRegistry.InitParams\",\"name\":\"p\",\"type\":\"tuple\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"BadConfig\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundIds\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"inflows\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"outflows\",\"type\":\"uint256\"}],\"name\":\"CountMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"startTime\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"endTime\",\"type\":\"uint256\"}],\"name\":\"EmptyEpoch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"endTime\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nowTs\",\"type\":\"uint256\"}],\"name\":\"EpochEndInFuture\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"EpochOutOfOrder\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"expected\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"got\",\"type\":\"uint8\"}],\"name\":\"FeedDecimalsMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"FeedTooCoarse\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"}],\"name\":\"FutureRound\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"}],\"name\":\"InvalidFeedAnswer\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoPendingPolicy\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotGovernance\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotGuardianOrGovernance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"NotInField\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPaused\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPendingGovernance\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPendingGuardian\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Paused\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"lastEpoch\",\"type\":\"uint256\"}],\"name\":\"PolicyEpochPassed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expiresAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nowTs\",\"type\":\"uint256\"}],\"name\":\"PolicyExpired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"minFromEpoch\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"}],\"name\":\"PolicyTooSoon\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"}],\"name\":\"PriceOutOfRange\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ProofRejected\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"endTime\",\"type\":\"uint256\"}],\"name\":\"RoundAfterEpochEnd\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nextRoundId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nextUpdatedAt\",\"type\":\"uint256\"}],\"name\":\"RoundSuperseded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"}],\"name\":\"RoundUnavailable\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SequencerDown\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"upSince\",\"type\":\"uint256\"}],\"name\":\"SequencerGracePeriodNotOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"endTime\",\"type\":\"uint256\"}],\"name\":\"StaleRound\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"StartNotPreviousEnd\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"eta\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nowTs\",\"type\":\"uint256\"}],\"name\":\"TimelockNotReady\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"}],\"name\":\"UnknownAsset\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"UnknownEpoch\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"recordHash\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"prevRecordHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"startTime\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"endTime\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"stateCommitment\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"liabilitiesRoot\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"actionsCommitment\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"actionCount\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"policyCommitment\",\"type\":\"uint256\"},{\"internalType\":\"uint80[]\",\"name\":\"roundIds\",\"type\":\"uint80[]\"},{\"internalType\":\"uint256[]\",\"name\":\"prices\",\"type\":\"uint256[]\"},{\"internalType\":\"uint64[]\",\"name\":\"inflows\",\"type\":\"uint64[]\"},{\"internalType\":\"uint64[]\",\"name\":\"outflows\",\"type\":\"uint64[]\"}],\"indexed\":false,\"internalType\":\"structEpochRegistry.Record\",\"name\":\"record\",\"type\":\"tuple\"}],\"name\":\"EpochRecorded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"GovernanceTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"GovernanceTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"GuardianTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"GuardianTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"by\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"paused\",\"type\":\"bool\"}],\"name\":\"PauseChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"}],\"name\":\"PolicyCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"}],\"name\":\"PolicyExecuted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"eta\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"expiresAt\",\"type\":\"uint256\"}],\"name\":\"PolicyQueued\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MIN_DEPLOY_PRICE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SCALAR_FIELD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptGovernance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptGuardian\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"cancelPolicy\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentState\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"deployBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"executePolicy\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"}],\"name\":\"feed\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"aggregator\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"circuitDecimals\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"heartbeat\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"scaleExp\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"scaleDown\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"genesisTime\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"governance\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"guardian\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastEpoch\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"liabilitiesRoot\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"numAssets\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paused\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingGovernance\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingGuardian\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"policyDelay\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"policyFor\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"policyGracePeriod\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"policyHistory\",\"outputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"fromEpoch\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"}],\"internalType\":\"structEpochRegistry.PolicyChange[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"fromEpoch\",\"type\":\"uint64\"}],\"name\":\"queuePolicy\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sequencerFeed\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sequencerGracePeriod\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"status\",\"outputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"lastEpoch\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastEnd\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"currentState\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nextPolicy\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"paused\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"recordHash\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"fromEpoch\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eta\",\"type\":\"uint64\"}],\"internalType\":\"structEpochRegistry.PendingPolicy\",\"name\":\"pending\",\"type\":\"tuple\"}],\"internalType\":\"structEpochRegistry.StatusView\",\"name\":\"v\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"startTime\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"endTime\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"newState\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"liabilitiesRoot\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"actionsCommitment\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"actionCount\",\"type\":\"uint64\"},{\"internalType\":\"uint80[]\",\"name\":\"roundIds\",\"type\":\"uint80[]\"},{\"internalType\":\"uint64[]\",\"name\":\"inflows\",\"type\":\"uint64[]\"},{\"internalType\":\"uint64[]\",\"name\":\"outflows\",\"type\":\"uint64[]\"}],\"internalType\":\"structEpochRegistry.Submission\",\"name\":\"s\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"}],\"name\":\"submitEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"next\",\"type\":\"address\"}],\"name\":\"transferGovernance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"next\",\"type\":\"address\"}],\"name\":\"transferGuardian\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"treeCapacity\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unpause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"valueDecimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"verifier\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"verifierKind\",\"outputs\":[{\"internalType\":\"enumEpochRegistry.VerifierKind\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "EpochRegistry",
	Bin: "0x6102006040525f805460ff60401b191668010000000000000000179055348015610027575f5ffd5b5060405161465e38038061465e83398101604081905261004691610f85565b80516001600160a01b03166100a3576040516301cfc2ef60e61b815260206004820152601e60248201527f676f7665726e616e636520697320746865207a65726f2061646472657373000060448201526064015b60405180910390fd5b60208101516001600160a01b03166100fe576040516301cfc2ef60e61b815260206004820152601c60248201527f677561726469616e20697320746865207a65726f206164647265737300000000604482015260640161009a565b8060a001516001600160401b03165f0361015b576040516301cfc2ef60e61b815260206004820152601460248201527f706f6c6963792064656c6179206973207a65726f000000000000000000000000604482015260640161009a565b8060c001516001600160401b03165f036101b8576040516301cfc2ef60e61b815260206004820152601b60248201527f706f6c69637920677261636520706572696f64206973207a65726f0000000000604482015260640161009a565b60808101516001600160401b031615806101de57504281608001516001600160401b0316115b1561023a576040516301cfc2ef60e61b815260206004820152602560248201527f67656e657369732074696d65206973207a65726f206f7220696e207468652066604482015264757475726560d81b606482015260840161009a565b8061018001516001600160401b03165f03610298576040516301cfc2ef60e61b815260206004820152601560248201527f74726565206361706163697479206973207a65726f0000000000000000000000604482015260640161009a565b806101200151515f036102df576040516301cfc2ef60e61b815260206004820152600e60248201526d6e6f20707269636520666565647360901b604482015260640161009a565b5f51602061463e5f395f51905f52816040015110610318578060400151604051632051490960e21b815260040161009a91815260200190565b5f51602061463e5f395f51905f52816060015110610351578060600151604051632051490960e21b815260040161009a91815260200190565b60e0810151516001600160a01b03163b5f036103b0576040516301cfc2ef60e61b815260206004820152601460248201527f766572696669657220686173206e6f20636f6465000000000000000000000000604482015260640161009a565b6101408101516001600160a01b0316158015906103da57506101408101516001600160a01b03163b155b15610428576040516301cfc2ef60e61b815260206004820152601a60248201527f73657175656e636572206665656420686173206e6f20636f6465000000000000604482015260640161009a565b610120810151515f5b8181101561050c5761046d818461012001518381518110610454576104546110b9565b60200260200101518561010001516107ce60201b60201c565b5f828152600a602090815260409182902083518154928501519385015160608601516080909601516001600160a01b039092166001600160c01b031990941693909317600160a01b63ffffffff909516949094029390931761ffff60c01b1916600160c01b60ff9384160260ff60c81b191617600160c81b941515949094029390931760ff60d01b1916600160d01b9190921602179055600101610431565b508151600680546001600160a01b03199081166001600160a01b0393841617909155602080850151600880549093169084161790915560a0808501516001600160401b03908116608090815260c0808801518316909352860151811690915260e084815261018086015190911661010090815285015160ff16610120528401805151909216610140529051015160018111156105aa576105aa6110cd565b6101608160018111156105bf576105bf6110cd565b9052506101408201516001600160a01b03166101805261016082015163ffffffff166101a0526106036105f38260036110f5565b6105fe906009611112565b610b3b565b6001600160e01b0319166101e052436101c0526040805180820182525f808252606085810180516020858101918252600380546001808201835591875296517fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b600290980297880180546001600160401b0319166001600160401b0392831617905592517fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85c9097019690965588870180519096556080808a0180518754600160481b600160881b03191669010000000000000000009186169190910217875588516101a081018a52878152808401889052808a0188815281880189815293820189815260a083018a905260c083018a905260e083018a905261010083018a815261012084018a905261014084018a905261016084018a9052610180840199909952835187169091529151909416909152955190955290519091529251909161076d918491016111d1565b60405160208183030381529060405280519060200120905080600281905550805f7f081b3df5aac2bd41f558b49d89889fff1a9276c591efc66bd051cbead5da376c846040516107bd91906111d1565b60405180910390a350505050611547565b6040805160a0810182525f8082526020820181905291810182905260608101829052608081019190915282516001600160a01b03163b5f03610853576040516301cfc2ef60e61b815260206004820152601660248201527f7072696365206665656420686173206e6f20636f646500000000000000000000604482015260640161009a565b826060015163ffffffff165f036108ad576040516301cfc2ef60e61b815260206004820152601660248201527f6665656420686561727462656174206973207a65726f00000000000000000000604482015260640161009a565b5f835f01516001600160a01b031663313ce5676040518163ffffffff1660e01b8152600401602060405180830381865afa1580156108ed573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061091191906112ed565b9050836020015160ff168160ff161461095757602084015160405163dddcf74360e01b81526004810187905260ff9182166024820152908216604482015260640161009a565b5f5f5f6109738688602001518960400151610b7260201b60201c565b925092509250806109c7576040516301cfc2ef60e61b815260206004820152601d60248201527f707269636520636f6e76657273696f6e206265796f6e642031305e3736000000604482015260640161009a565b5f5f885f01516001600160a01b031663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa158015610a08573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610a2c9190611323565b505050915091505f8113610a6c576040516372bc4b4d60e11b8152600481018b90526001600160501b03831660248201526044810182905260640161009a565b5f80610a79838888610bde565b91509150612710811015610aaa57604051636da0a8a760e11b8152600481018d90526024810182905260440161009a565b81610ae1576040516325b1f1e960e11b8152600481018d90526001600160501b03851660248201526044810184905260640161009a565b6040518060a001604052808c5f01516001600160a01b031681526020018c6060015163ffffffff1681526020018860ff16815260200187151581526020018c6040015160ff16815250985050505050505050509392505050565b5f610b4582610c70565b604051602001610b559190611371565b604051602081830303815290604052805190602001209050919050565b5f5f5f5f8460ff168660ff168860ff16610b8c91906113ba565b610b9691906113ba565b90505f5f8212610ba65781610baf565b610baf826113e0565b9050604c811115610bca575f5f5f9450945094505050610bd5565b93505f139150600190505b93509350939050565b5f5f5f8513610bf157505f905080610c68565b845f610c0160ff8716600a6114d5565b90508415610c1a57610c1381836114f4565b9250610c4d565b610c2b816001600160401b036114f4565b821115610c40575f5f19935093505050610c68565b610c4a81836110f5565b92505b8215801590610c6357506001600160401b038311155b935050505b935093915050565b6060815f03610c965750506040805180820190915260018152600360fc1b602082015290565b5f825b8015610cbc57610ca882611507565b9150610cb5600a826114f4565b9050610c99565b50806001600160401b03811115610cd557610cd5610d6d565b6040519080825280601f01601f191660200182016040528015610cff576020820181803683370190505b5091505b8215610d6757610d14600a8461151f565b610d1f906030611112565b60f81b82610d2c83611532565b92508281518110610d3f57610d3f6110b9565b60200101906001600160f81b03191690815f1a905350610d60600a846114f4565b9250610d03565b50919050565b634e487b7160e01b5f52604160045260245ffd5b604051608081016001600160401b0381118282101715610da357610da3610d6d565b60405290565b6040516101a081016001600160401b0381118282101715610da357610da3610d6d565b604051601f8201601f191681016001600160401b0381118282101715610df457610df4610d6d565b604052919050565b80516001600160a01b0381168114610e12575f5ffd5b919050565b80516001600160401b0381168114610e12575f5ffd5b5f60408284031215610e3d575f5ffd5b604080519081016001600160401b0381118282101715610e5f57610e5f610d6d565b604052905080610e6e83610dfc565b8152602083015160028110610e81575f5ffd5b6020919091015292915050565b805160ff81168114610e12575f5ffd5b805163ffffffff81168114610e12575f5ffd5b5f82601f830112610ec0575f5ffd5b81516001600160401b03811115610ed957610ed9610d6d565b610ee860208260051b01610dcc565b8082825260208201915060208360071b860101925085831115610f09575f5ffd5b602085015b83811015610f7b5760808188031215610f25575f5ffd5b610f2d610d81565b610f3682610dfc565b8152610f4460208301610e8e565b6020820152610f5560408301610e8e565b6040820152610f6660608301610e9e565b60608201528352602090920191608001610f0e565b5095945050505050565b5f60208284031215610f95575f5ffd5b81516001600160401b03811115610faa575f5ffd5b82016101c08185031215610fbc575f5ffd5b610fc4610da9565b610fcd82610dfc565b8152610fdb60208301610dfc565b6020820152604082810151908201526060808301519082015261100060808301610e17565b608082015261101160a08301610e17565b60a082015261102260c08301610e17565b60c08201526110348560e08401610e2d565b60e08201526110466101208301610e8e565b6101008201526101408201516001600160401b03811115611065575f5ffd5b61107186828501610eb1565b610120830152506110856101608301610dfc565b6101408201526110986101808301610e9e565b6101608201526110ab6101a08301610e17565b610180820152949350505050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52602160045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b808202811582820484141761110c5761110c6110e1565b92915050565b8082018082111561110c5761110c6110e1565b5f8151808452602084019350602083015f5b8281101561115e5781516001600160501b0316865260209586019590910190600101611137565b5093949350505050565b5f8151808452602084019350602083015f5b8281101561115e57815186526020958601959091019060010161117a565b5f8151808452602084019350602083015f5b8281101561115e5781516001600160401b03168652602095860195909101906001016111aa565b60208152815160208201525f60208301516111f760408401826001600160401b03169052565b5060408301516001600160401b03811660608401525060608301516001600160401b038116608084015250608083015160a083015260a083015160c083015260c083015160e083015260e083015161125b6101008401826001600160401b03169052565b506101008301516101208301526101208301516101a06101408401526112856101c0840182611125565b9050610140840151601f19848303016101608501526112a48282611168565b915050610160840151601f19848303016101808501526112c48282611198565b915050610180840151601f19848303016101a08501526112e48282611198565b95945050505050565b5f602082840312156112fd575f5ffd5b61130682610e8e565b9392505050565b80516001600160501b0381168114610e12575f5ffd5b5f5f5f5f5f60a08688031215611337575f5ffd5b6113408661130d565b602087015160408801516060890151929750909550935091506113656080870161130d565b90509295509295909350565b7f76657269667950726f6f662862797465732c75696e743235365b00000000000081525f82518060208501601a85015e615d2960f01b601a939091019283015250601c01919050565b8181035f8312801583831316838312821617156113d9576113d96110e1565b5092915050565b5f600160ff1b82016113f4576113f46110e1565b505f0390565b6001815b6001841115610c6857808504811115611419576114196110e1565b600184161561142757908102905b60019390931c9280026113fe565b5f826114435750600161110c565b8161144f57505f61110c565b8160018114611465576002811461146f5761148b565b600191505061110c565b60ff841115611480576114806110e1565b50506001821b61110c565b5060208310610133831016604e8410600b84101617156114ae575081810a61110c565b6114ba5f1984846113fa565b805f19048211156114cd576114cd6110e1565b029392505050565b5f6113068383611435565b634e487b7160e01b5f52601260045260245ffd5b5f82611502576115026114e0565b500490565b5f60018201611518576115186110e1565b5060010190565b5f8261152d5761152d6114e0565b500690565b5f81611540576115406110e1565b505f190190565b60805160a05160c05160e05161010051610120516101405161016051610180516101a0516101c0516101e05161302e6116105f395f611cb901525f61053a01525f818161034101526118df01525f81816103c401526117f601525f818161026001528181611c5e0152611e6e01525f818161037d0152611dd401525f6103eb01525f6105a301525f8181610574015281816112a2015261166901525f61042c01525f8181610486015281816107d70152610af101525f81816104e50152610737015261302e5ff3fe608060405234801561000f575f5ffd5b5060043610610208575f3560e01c80635910a93d1161011f578063a46fe83b116100a9578063d38bfff411610079578063d38bfff4146105da578063d8415b58146105ed578063f39c38a014610600578063f59dfdfb14610613578063f781043d14610668575f5ffd5b8063a46fe83b1461056f578063a5f31d6114610596578063c9abeb641461059e578063d0c9d7c5146105c5575f5ffd5b8063762c31ba116100ef578063762c31ba146105075780638456cb591461051a57806393d728c014610522578063a3ec191a14610535578063a40891241461055c575f5ffd5b80635910a93d146104815780635aa6e675146104a85780635c975abb146104bb5780635fcfcadd146104e0575f5ffd5b806326a97b94116101a05780633e7e8669116101705780633e7e8669146103e65780633f4ba83a1461041f57806342c6498a14610427578063452a9320146104665780634ef2cc0014610479575f5ffd5b806326a97b941461033c5780632b7ac3f3146103785780632d8882ff146103b75780633b521cb6146103bf575f5ffd5b80630f0e8870116101db5780630f0e88701461025b578063200d2ed21461028f578063238efcbc1461032b5780632607824114610333575f5ffd5b806301ed58e21461020c57806306a4c98314610221578063091954cd146102405780630c3f6acf14610253575b5f5ffd5b61021f61021a36600461289a565b61067c565b005b5f546001600160401b03165b6040519081526020015b60405180910390f35b61021f61024e3660046128c4565b61083d565b60015461022d565b6102827f000000000000000000000000000000000000000000000000000000000000000081565b6040516102379190612905565b6102976108d2565b60405161023791905f610120820190506001600160401b0383511682526001600160401b036020840151166020830152604083015160408301526060830151606083015260808301511515608083015260a083015160a083015260c0830151805160c08401526001600160401b0360208201511660e08401526001600160401b036040820151166101008401525092915050565b61021f6109ab565b61022d61271081565b6103637f000000000000000000000000000000000000000000000000000000000000000081565b60405163ffffffff9091168152602001610237565b61039f7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610237565b61021f610a2d565b61039f7f000000000000000000000000000000000000000000000000000000000000000081565b61040d7f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff9091168152602001610237565b61021f610d9e565b61044e7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160401b039091168152602001610237565b60085461039f906001600160a01b031681565b61021f610e3f565b61044e7f000000000000000000000000000000000000000000000000000000000000000081565b60065461039f906001600160a01b031681565b6104d05f54600160401b900460ff1660021490565b6040519015158152602001610237565b61044e7f000000000000000000000000000000000000000000000000000000000000000081565b60095461039f906001600160a01b031681565b61021f610f21565b61022d61053036600461292b565b610fdd565b61022d7f000000000000000000000000000000000000000000000000000000000000000081565b61022d61056a36600461292b565b61101e565b61022d7f000000000000000000000000000000000000000000000000000000000000000081565b61021f6110c1565b61022d7f000000000000000000000000000000000000000000000000000000000000000081565b6105cd611143565b6040516102379190612942565b61021f6105e83660046128c4565b6111b6565b61021f6105fb366004612999565b611232565b60075461039f906001600160a01b031681565b61062661062136600461292b565b61129b565b604080516001600160a01b03909616865260ff948516602087015263ffffffff909316928501929092529190911660608301521515608082015260a001610237565b61022d5f516020612fd95f395f51905f5281565b6006546001600160a01b031633146106a757604051632d5be4cb60e21b815260040160405180910390fd5b5f516020612fd95f395f51905f5282106106dc57604051632051490960e21b8152600481018390526024015b60405180910390fd5b5f80546106f3906001600160401b03166002612a47565b905080826001600160401b03161015610731576040516350be463b60e11b8152600481018290526001600160401b03831660248201526044016106d3565b5f61075c7f000000000000000000000000000000000000000000000000000000000000000042612a60565b604080516060810182528681526001600160401b0386811660208301819052848216929093018290526004889055600580546001600160801b031916909317600160401b8302179092559192507f1e0bd410d06ac54cbd51c2cc0db2951d5e73af15ff47c935ae29241e51a915a3918691869185916107ff917f000000000000000000000000000000000000000000000000000000000000000090911690612a47565b60405161082f94939291909384526001600160401b03928316602085015291166040830152606082015260800190565b60405180910390a150505050565b6008546001600160a01b0316331480159061086357506006546001600160a01b03163314155b156108815760405163404ead7760e11b815260040160405180910390fd5b600980546001600160a01b0319166001600160a01b03838116918217909255600854604051919216907f112d7ce5d0717de1e8d403be44596423dc61e85438d8ba49eaf0d31b1992bce0905f90a350565b6109246040805160e0810182525f808252602080830182905282840182905260608084018390526080840183905260a0840183905284519081018552828152908101829052928301529060c082015290565b5f546001600160401b038082168352600160481b9091041660208201526001546040820152610951611333565b506060828101919091525f54600260ff600160401b9283900416811460808501525460a084015260408051928301815260045483526005546001600160401b0380821660208601529290049091169082015260c082015290565b6007546001600160a01b031633146109d657604051632f8a273f60e21b815260040160405180910390fd5b60065460405133916001600160a01b0316907f5f56bee8cffbe9a78652a74a60705edede02af10b0bbb888ca44b79a0d42ce80905f90a3600680546001600160a01b03199081163317909155600780549091169055565b6006546001600160a01b03163314610a5857604051632d5be4cb60e21b815260040160405180910390fd5b6040805160608101825260045481526005546001600160401b038082166020840152600160401b90910416918101829052905f03610aa957604051637420adf960e11b815260040160405180910390fd5b80604001516001600160401b0316421015610aee576040808201519051630fd2e35b60e41b81526001600160401b0390911660048201524260248201526044016106d3565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160401b031682604001516001600160401b0316610b319190612a47565b905080421115610b5d5760405163983cf93d60e01b8152600481018290524260248201526044016106d3565b5f5460208301516001600160401b0391821691168110610ba95760208301516040516339d3303b60e01b81526001600160401b03918216600482015290821660248201526044016106d3565b5f8054610bc490600160881b900463ffffffff166001612a47565b90505b60035481108015610c21575083602001516001600160401b031660036001600380549050610bf59190612a7f565b81548110610c0557610c05612a92565b5f9182526020909120600290910201546001600160401b031610155b15610c64576003805480610c3757610c37612aa6565b5f8281526020812060025f1990930192830201805467ffffffffffffffff19168155600101559055610bc7565b604080518082019091526020858101516001600160401b0390811683528651918301918252600380546001810182555f82905293517fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b6002909502948501805467ffffffffffffffff1916919093161790915590517fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85c90920191909155805482908110610d1357610d13612a92565b5f918252602080832060029290920290910154825467ffffffffffffffff60a81b19166001600160401b03918216600160a81b02178355600492909255600580546001600160801b0319169055855186820151604080519283529316918101919091527fb2381eade0845c5858220346fe0a98c944945e3ba1f1c8adbbf5a2c9ff692da2910161082f565b6006546001600160a01b03163314610dc957604051632d5be4cb60e21b815260040160405180910390fd5b5f54600160401b900460ff16600214610df557604051636cd6020160e01b815260040160405180910390fd5b5f805460ff60401b1916600160401b17815560405190815233907fb10cf107ab53f31a52bd0f36488303c6c8a0dc518d7673e408e81cebf1cd544d906020015b60405180910390a2565b6006546001600160a01b03163314610e6a57604051632d5be4cb60e21b815260040160405180910390fd5b6040805160608101825260045481526005546001600160401b038082166020840152600160401b90910416918101829052905f03610ebb57604051637420adf960e11b815260040160405180910390fd5b5f600455600580546001600160801b0319169055805160208201516040517f7c41b459dc71e42d9c8413ad0079d0a19b31e18ab9fb49082b826577e005f3fc92610f16929082526001600160401b0316602082015260400190565b60405180910390a150565b6008546001600160a01b03163314801590610f4757506006546001600160a01b03163314155b15610f655760405163404ead7760e11b815260040160405180910390fd5b5f54600119600160401b90910460ff1601610f93576040516313d0ff5960e31b815260040160405180910390fd5b5f805460ff60401b1916680200000000000000001790556040516001815233907fb10cf107ab53f31a52bd0f36488303c6c8a0dc518d7673e408e81cebf1cd544d90602001610e35565b5f80546001600160401b031682111561100c576040516380cfe51760e01b8152600481018390526024016106d3565b505f908152600b602052604090205490565b6003545f9081905b60016110328383612a7f565b1115611095575f60026110458385612a47565b61104f9190612ace565b9050846003828154811061106557611065612a92565b5f9182526020909120600290910201546001600160401b03161161108b5780925061108f565b8091505b50611026565b600382815481106110a8576110a8612a92565b905f5260205f2090600202016001015492505050919050565b6009546001600160a01b031633146110ec57604051638a04d22960e01b815260040160405180910390fd5b60085460405133916001600160a01b0316907f9fe65984b511eb7998b3cd481cfd80c807fcc7f28721a790d33c87dc9c879485905f90a3600880546001600160a01b03199081163317909155600980549091169055565b60606003805480602002602001604051908101604052809291908181526020015f905b828210156111ad575f848152602090819020604080518082019091526002850290910180546001600160401b03168252600190810154828401529083529092019101611166565b50505050905090565b6006546001600160a01b031633146111e157604051632d5be4cb60e21b815260040160405180910390fd5b600780546001600160a01b0319166001600160a01b03838116918217909255600654604051919216907f1c4bb4e3cab7b72da7eb9f0ae62554dda85dc7fb907c946ad2776095b95ac1ad905f90a350565b5f5f61123d856113c7565b90925090505f61126861125360e0880188612ae1565b61126360608a0160408b01612b26565b611744565b90506112726117f4565b611287611280878584611932565b8686611c59565b61129386848484611ee5565b505050505050565b5f5f5f5f5f7f000000000000000000000000000000000000000000000000000000000000000086106112e35760405163659f13b960e11b8152600481018790526024016106d3565b5050505f9283525050600a60205260409020546001600160a01b0381169160ff600160d01b830481169263ffffffff600160a01b82041692600160c01b8204831692600160c81b90920490911690565b5f8054600160881b810463ffffffff1690600160a81b90046001600160401b03161580159061138757505f54611373906001600160401b03166001612a47565b5f54600160a81b90046001600160401b0316145b156113985761139581612b3f565b90505b60038163ffffffff16815481106113b1576113b1612a92565b905f5260205f2090600202016001015491509091565b5f80548190600119600160401b90910460ff16016113f8576040516313d0ff5960e31b815260040160405180910390fd5b5f805461140f906001600160401b03166001612a47565b90508061141f6020860186612b26565b6001600160401b031614611466578061143b6020860186612b26565b604051637ed8843760e01b815260048101929092526001600160401b031660248201526044016106d3565b5f54600160481b90046001600160401b03166114886040860160208701612b26565b6001600160401b0316146114e4575f54600160481b90046001600160401b03166114b86040860160208701612b26565b60405163415449e960e11b81526001600160401b039283166004820152911660248201526044016106d3565b426114f56060860160408701612b26565b6001600160401b0316111561153f576115146060850160408601612b26565b604051631952903160e21b81526001600160401b0390911660048201524260248201526044016106d3565b61154f6040850160208601612b26565b6001600160401b03166115686060860160408701612b26565b6001600160401b0316116115c2576115866040850160208601612b26565b6115966060860160408701612b26565b604051632a6ba50960e11b81526001600160401b039283166004820152911660248201526044016106d3565b5f516020612fd95f395f51905f528460600135106115f957604051632051490960e21b8152606085013560048201526024016106d3565b5f516020612fd95f395f51905f5284608001351061163057604051632051490960e21b8152608085013560048201526024016106d3565b5f516020612fd95f395f51905f528460a001351061166757604051632051490960e21b815260a085013560048201526024016106d3565b7f00000000000000000000000000000000000000000000000000000000000000008061169660e0870187612ae1565b90501415806116b45750806116af610100870187612ae1565b905014155b806116ce5750806116c9610120870187612ae1565b905014155b1561173157806116e160e0870187612ae1565b90506116f1610100880188612ae1565b9050611701610120890189612ae1565b604051634a4e2efb60e01b81526004810195909552602485019390935250604483015260648201526084016106d3565b611739611333565b935093505050915091565b606082806001600160401b0381111561175f5761175f612b63565b604051908082528060200260200182016040528015611788578160200160208202803683370190505b5091505f5b818110156117eb576117c6818787848181106117ab576117ab612a92565b90506020020160208101906117c09190612b8e565b866122d0565b8382815181106117d8576117d8612a92565b602090810291909101015260010161178d565b50509392505050565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0381166118265750565b5f5f826001600160a01b031663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa925050508015611882575060408051601f3d908101601f1916820190925261187f91810190612ba9565b60015b61189e5760405162032b3d60e81b815260040160405180910390fd5b5091945092505050811515806118b2575080155b156118cf5760405162032b3d60e81b815260040160405180910390fd5b4281118061190c575063ffffffff7f0000000000000000000000000000000000000000000000000000000000000000166119098242612a7f565b11155b1561192d5760405163c404ee0760e01b8152600481018290526024016106d3565b505050565b8051606090611942816003612bfd565b61194d906009612a47565b6001600160401b0381111561196457611964612b63565b60405190808252806020026020018201604052801561198d578160200160208202803683370190505b50915083825f815181106119a3576119a3612a92565b602002602001018181525050600154826001815181106119c5576119c5612a92565b6020026020010181815250508460600135826002815181106119e9576119e9612a92565b602002602001018181525050846080013582600381518110611a0d57611a0d612a92565b6020026020010181815250508460a0013582600481518110611a3157611a31612a92565b6020908102919091010152611a4c60e0860160c08701612b26565b6001600160401b031682600581518110611a6857611a68612a92565b602090810291909101810191909152611a8390860186612b26565b6001600160401b031682600681518110611a9f57611a9f612a92565b602002602001018181525050846020016020810190611abe9190612b26565b6001600160401b031682600781518110611ada57611ada612a92565b6020908102919091010152611af56060860160408701612b26565b6001600160401b031682600881518110611b1157611b11612a92565b6020026020010181815250505f5b818110156117eb57838181518110611b3957611b39612a92565b602002602001015183826009611b4f9190612a47565b81518110611b5f57611b5f612a92565b6020908102919091010152611b78610100870187612ae1565b82818110611b8857611b88612a92565b9050602002016020810190611b9d9190612b26565b6001600160401b03168382611bb3856009612a47565b611bbd9190612a47565b81518110611bcd57611bcd612a92565b6020908102919091010152611be6610120870187612ae1565b82818110611bf657611bf6612a92565b9050602002016020810190611c0b9190612b26565b6001600160401b03168382611c21856002612bfd565b611c2c906009612a47565b611c369190612a47565b81518110611c4657611c46612a92565b6020908102919091010152600101611b1f565b60605f7f00000000000000000000000000000000000000000000000000000000000000006001811115611c8e57611c8e6128f1565b03611d65575f6020611ca08185612c14565b611cab906020612a7f565b611cb59190612c14565b90507f000000000000000000000000000000000000000000000000000000000000000085516001611ce69190612a47565b611cf1906020612bfd565b86858781866001600160401b03811115611d0d57611d0d612b63565b6040519080825280601f01601f191660200182016040528015611d37576020820181803683370190505b50604051602001611d4e9796959493929190612c3e565b604051602081830303815290604052915050611dd0565b7f7e4f7a8a3016bf75945a95ae04e6678ed3bb4fb93fae55a684467fa45acd6b39838386604051602401611d9b93929190612ce4565b60408051601f198184030181529190526020810180516001600160e01b03166001600160e01b03199093169290921790915290505b5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031683604051611e0a9190612d2a565b5f60405180830381855afa9150503d805f8114611e42576040519150601f19603f3d011682016040523d82523d5f602084013e611e47565b606091505b509150915081611e6a5760405163c3b0d8cd60e01b815260040160405180910390fd5b60017f00000000000000000000000000000000000000000000000000000000000000006001811115611e9e57611e9e6128f1565b0361129357602081511080611ec7575080806020019051810190611ec29190612d35565b600114155b156112935760405163c3b0d8cd60e01b815260040160405180910390fd5b611f6b604051806101a001604052805f81526020015f6001600160401b031681526020015f6001600160401b031681526020015f6001600160401b031681526020015f81526020015f81526020015f81526020015f6001600160401b031681526020015f8152602001606081526020016060815260200160608152602001606081525090565b6002548152611f7d6020860186612b26565b6001600160401b0316602080830191909152611f9f9060408701908701612b26565b6001600160401b0316604080830191909152611fc19060608701908701612b26565b6001600160401b031660608083019190915285013560808083019190915285013560a08083019190915285013560c0808301919091526120079060e08701908701612b26565b6001600160401b031660e080830191909152610100820185905261202d90860186612ae1565b808060200260200160405190810160405280939291908181526020018383602002808284375f920191909152505050506101208201526101408101829052612079610100860186612ae1565b808060200260200160405190810160405280939291908181526020018383602002808284375f920191909152505050506101608201526120bd610120860186612ae1565b808060200260200160405190810160405280939291908181526020018383602002808284375f920182905250610180860194909452505060405161210691508390602001612dbe565b6040516020818303038152906040528051906020012090508560800135600b5f885f0160208101906121389190612b26565b6001600160401b031681526020808201929092526040015f20919091556060870135600155600282905561216e90870187612b26565b5f805467ffffffffffffffff19166001600160401b039290921691909117905561219e6060870160408801612b26565b5f80546001600160401b0392909216600160481b0270ffffffffffffffff00000000000000000019909216919091179081905563ffffffff858116600160881b909204161461227a575f805463ffffffff60881b1916600160881b63ffffffff8716908102919091178255612214906001612a47565b6003549091508110612226575f612253565b6003818154811061223957612239612a92565b5f9182526020909120600290910201546001600160401b03165b5f60156101000a8154816001600160401b0302191690836001600160401b03160217905550505b806122886020880188612b26565b6001600160401b03167f081b3df5aac2bd41f558b49d89889fff1a9276c591efc66bd051cbead5da376c846040516122c09190612dbe565b60405180910390a3505050505050565b5f838152600a60209081526040808320815160a08101835290546001600160a01b03811680835263ffffffff600160a01b8304169483019490945260ff600160c01b8204811683850152600160c81b8204811615156060840152600160d01b9091041660808201529051639a6fc8f560e01b81526001600160501b038616600482015290918391829190639a6fc8f59060240160a060405180830381865afa92505050801561239c575060408051601f3d908101601f1916820190925261239991810190612ba9565b60015b6123cb57604051633acf23c160e01b8152600481018890526001600160501b03871660248201526044016106d3565b8a6001600160501b0316856001600160501b03161415806123ea575081155b1561241a57604051633acf23c160e01b8152600481018d90526001600160501b038c1660248201526044016106d3565b5091945090925050505f821361245c576040516372bc4b4d60e11b8152600481018890526001600160501b0387166024820152604481018390526064016106d3565b428111156124965760405163605bc85560e11b8152600481018890526001600160501b0387166024820152604481018290526064016106d3565b846001600160401b03168111156124e85760405163ea98b8c560e01b8152600481018890526001600160501b0387166024820152604481018290526001600160401b03861660648201526084016106d3565b602083015163ffffffff16612506826001600160401b038816612a7f565b111561254d57604051637633219960e01b8152600481018890526001600160501b0387166024820152604481018290526001600160401b03861660648201526084016106d3565b61255c87845f015188886125b8565b5f5f612571848660400151876060015161275a565b91509150816125ac576040516325b1f1e960e11b8152600481018a90526001600160501b0389166024820152604481018590526064016106d3565b98975050505050505050565b61ffff604083901c165f6125cd826001612a47565b9050846001600160a01b031663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa925050508015612629575060408051601f3d908101601f1916820190925261262691810190612ba9565b60015b1561266957886001600160501b0316856001600160501b0316036126535750505050505050612754565b6040856001600160501b0316901c955050505050505b5f80806001600160401b03878116146126a1576126906001600160501b0388166001612a47565b925061269c88846127ec565b925090505b5f6126ad866001612a47565b90505b811580156126be5750848111155b80156126cc575061ffff8111155b156126f957604081901b60011793506126e589856127ec565b935091506126f281612eda565b90506126b0565b508080156127105750856001600160401b03168211155b1561274e576040516390128f5d60e01b8152600481018a90526001600160501b038816602482015260448101849052606481018390526084016106d3565b50505050505b50505050565b5f5f5f851361276d57505f9050806127e4565b845f61277d60ff8716600a612fcd565b905084156127965761278f8183612ace565b92506127c9565b6127a7816001600160401b03612ace565b8211156127bc575f5f199350935050506127e4565b6127c68183612bfd565b92505b82158015906127df57506001600160401b038311155b935050505b935093915050565b604051639a6fc8f560e01b81526001600160501b03821660048201525f9081906001600160a01b03851690639a6fc8f59060240160a060405180830381865afa925050508015612859575060408051601f3d908101601f1916820190925261285691810190612ba9565b60015b61286757505f905080612878565b508015159550935061287892505050565b9250929050565b80356001600160401b0381168114612895575f5ffd5b919050565b5f5f604083850312156128ab575f5ffd5b823591506128bb6020840161287f565b90509250929050565b5f602082840312156128d4575f5ffd5b81356001600160a01b03811681146128ea575f5ffd5b9392505050565b634e487b7160e01b5f52602160045260245ffd5b602081016002831061292557634e487b7160e01b5f52602160045260245ffd5b91905290565b5f6020828403121561293b575f5ffd5b5035919050565b602080825282518282018190525f918401906040840190835b8181101561298e57835180516001600160401b03168452602090810151818501529093019260409092019160010161295b565b509095945050505050565b5f5f5f604084860312156129ab575f5ffd5b83356001600160401b038111156129c0575f5ffd5b840161014081870312156129d2575f5ffd5b925060208401356001600160401b038111156129ec575f5ffd5b8401601f810186136129fc575f5ffd5b80356001600160401b03811115612a11575f5ffd5b866020828401011115612a22575f5ffd5b939660209190910195509293505050565b634e487b7160e01b5f52601160045260245ffd5b80820180821115612a5a57612a5a612a33565b92915050565b6001600160401b038181168382160190811115612a5a57612a5a612a33565b81810381811115612a5a57612a5a612a33565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52603160045260245ffd5b634e487b7160e01b5f52601260045260245ffd5b5f82612adc57612adc612aba565b500490565b5f5f8335601e19843603018112612af6575f5ffd5b8301803591506001600160401b03821115612b0f575f5ffd5b6020019150600581901b3603821315612878575f5ffd5b5f60208284031215612b36575f5ffd5b6128ea8261287f565b5f63ffffffff821663ffffffff8103612b5a57612b5a612a33565b60010192915050565b634e487b7160e01b5f52604160045260245ffd5b6001600160501b0381168114612b8b575f5ffd5b50565b5f60208284031215612b9e575f5ffd5b81356128ea81612b77565b5f5f5f5f5f60a08688031215612bbd575f5ffd5b8551612bc881612b77565b60208701516040880151606089015160808a015193985091965094509250612bef81612b77565b809150509295509295909350565b8082028115828204841417612a5a57612a5a612a33565b5f82612c2257612c22612aba565b500690565b5f81518060208401855e5f93019283525090919050565b63ffffffff60e01b881681528660048201525f602482018751602089015f5b82811015612c7b578151845260209384019390910190600101612c5d565b505050868152848660208301375f908501602001908152612c9c8185612c27565b9a9950505050505050505050565b5f8151808452602084019350602083015f5b82811015612cda578151865260209586019590910190600101612cbc565b5093949350505050565b60408152826040820152828460608301375f606084830101525f601f19601f85011682016060838203016020840152612d206060820185612caa565b9695505050505050565b5f6128ea8284612c27565b5f60208284031215612d45575f5ffd5b5051919050565b5f8151808452602084019350602083015f5b82811015612cda5781516001600160501b0316865260209586019590910190600101612d5e565b5f8151808452602084019350602083015f5b82811015612cda5781516001600160401b0316865260209586019590910190600101612d97565b60208152815160208201525f6020830151612de460408401826001600160401b03169052565b5060408301516001600160401b03811660608401525060608301516001600160401b038116608084015250608083015160a083015260a083015160c083015260c083015160e083015260e0830151612e486101008401826001600160401b03169052565b506101008301516101208301526101208301516101a0610140840152612e726101c0840182612d4c565b9050610140840151601f1984830301610160850152612e918282612caa565b915050610160840151601f1984830301610180850152612eb18282612d85565b915050610180840151601f19848303016101a0850152612ed18282612d85565b95945050505050565b5f60018201612eeb57612eeb612a33565b5060010190565b6001815b60018411156127e457808504811115612f1157612f11612a33565b6001841615612f1f57908102905b60019390931c928002612ef6565b5f82612f3b57506001612a5a565b81612f4757505f612a5a565b8160018114612f5d5760028114612f6757612f83565b6001915050612a5a565b60ff841115612f7857612f78612a33565b50506001821b612a5a565b5060208310610133831016604e8410600b8410161715612fa6575081810a612a5a565b612fb25f198484612ef2565b805f1904821115612fc557612fc5612a33565b029392505050565b5f6128ea8383612f2d56fe30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001a26469706673582212208a185495480ebaacb2b22df9f682fbe82b266657c70d64493ee413ca56a8ea0864736f6c6343000825003330644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001",
}

// EpochRegistry is an auto generated Go binding around an Ethereum contract.
type EpochRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *EpochRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewEpochRegistry creates a new instance of EpochRegistry.
func NewEpochRegistry() *EpochRegistry {
	parsed, err := EpochRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &EpochRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *EpochRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor((address,address,uint256,uint256,uint64,uint64,uint64,(address,uint8),uint8,(address,uint8,uint8,uint32)[],address,uint32,uint64) p) returns()
func (epochRegistry *EpochRegistry) PackConstructor(p EpochRegistryInitParams) []byte {
	enc, err := epochRegistry.abi.Pack("", p)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMINDEPLOYPRICE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x26078241.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MIN_DEPLOY_PRICE() view returns(uint256)
func (epochRegistry *EpochRegistry) PackMINDEPLOYPRICE() []byte {
	enc, err := epochRegistry.abi.Pack("MIN_DEPLOY_PRICE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINDEPLOYPRICE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x26078241.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MIN_DEPLOY_PRICE() view returns(uint256)
func (epochRegistry *EpochRegistry) TryPackMINDEPLOYPRICE() ([]byte, error) {
	return epochRegistry.abi.Pack("MIN_DEPLOY_PRICE")
}

// UnpackMINDEPLOYPRICE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x26078241.
//
// Solidity: function MIN_DEPLOY_PRICE() view returns(uint256)
func (epochRegistry *EpochRegistry) UnpackMINDEPLOYPRICE(data []byte) (*big.Int, error) {
	out, err := epochRegistry.abi.Unpack("MIN_DEPLOY_PRICE", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSCALARFIELD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf781043d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SCALAR_FIELD() view returns(uint256)
func (epochRegistry *EpochRegistry) PackSCALARFIELD() []byte {
	enc, err := epochRegistry.abi.Pack("SCALAR_FIELD")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSCALARFIELD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf781043d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SCALAR_FIELD() view returns(uint256)
func (epochRegistry *EpochRegistry) TryPackSCALARFIELD() ([]byte, error) {
	return epochRegistry.abi.Pack("SCALAR_FIELD")
}

// UnpackSCALARFIELD is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf781043d.
//
// Solidity: function SCALAR_FIELD() view returns(uint256)
func (epochRegistry *EpochRegistry) UnpackSCALARFIELD(data []byte) (*big.Int, error) {
	out, err := epochRegistry.abi.Unpack("SCALAR_FIELD", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAcceptGovernance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x238efcbc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptGovernance() returns()
func (epochRegistry *EpochRegistry) PackAcceptGovernance() []byte {
	enc, err := epochRegistry.abi.Pack("acceptGovernance")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptGovernance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x238efcbc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptGovernance() returns()
func (epochRegistry *EpochRegistry) TryPackAcceptGovernance() ([]byte, error) {
	return epochRegistry.abi.Pack("acceptGovernance")
}

// PackAcceptGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa5f31d61.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptGuardian() returns()
func (epochRegistry *EpochRegistry) PackAcceptGuardian() []byte {
	enc, err := epochRegistry.abi.Pack("acceptGuardian")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa5f31d61.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptGuardian() returns()
func (epochRegistry *EpochRegistry) TryPackAcceptGuardian() ([]byte, error) {
	return epochRegistry.abi.Pack("acceptGuardian")
}

// PackCancelPolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4ef2cc00.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelPolicy() returns()
func (epochRegistry *EpochRegistry) PackCancelPolicy() []byte {
	enc, err := epochRegistry.abi.Pack("cancelPolicy")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelPolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4ef2cc00.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelPolicy() returns()
func (epochRegistry *EpochRegistry) TryPackCancelPolicy() ([]byte, error) {
	return epochRegistry.abi.Pack("cancelPolicy")
}

// PackCurrentState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c3f6acf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentState() view returns(uint256)
func (epochRegistry *EpochRegistry) PackCurrentState() []byte {
	enc, err := epochRegistry.abi.Pack("currentState")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c3f6acf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentState() view returns(uint256)
func (epochRegistry *EpochRegistry) TryPackCurrentState() ([]byte, error) {
	return epochRegistry.abi.Pack("currentState")
}

// UnpackCurrentState is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0c3f6acf.
//
// Solidity: function currentState() view returns(uint256)
func (epochRegistry *EpochRegistry) UnpackCurrentState(data []byte) (*big.Int, error) {
	out, err := epochRegistry.abi.Unpack("currentState", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDeployBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3ec191a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deployBlock() view returns(uint256)
func (epochRegistry *EpochRegistry) PackDeployBlock() []byte {
	enc, err := epochRegistry.abi.Pack("deployBlock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeployBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3ec191a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deployBlock() view returns(uint256)
func (epochRegistry *EpochRegistry) TryPackDeployBlock() ([]byte, error) {
	return epochRegistry.abi.Pack("deployBlock")
}

// UnpackDeployBlock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa3ec191a.
//
// Solidity: function deployBlock() view returns(uint256)
func (epochRegistry *EpochRegistry) UnpackDeployBlock(data []byte) (*big.Int, error) {
	out, err := epochRegistry.abi.Unpack("deployBlock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackExecutePolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d8882ff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function executePolicy() returns()
func (epochRegistry *EpochRegistry) PackExecutePolicy() []byte {
	enc, err := epochRegistry.abi.Pack("executePolicy")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExecutePolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d8882ff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function executePolicy() returns()
func (epochRegistry *EpochRegistry) TryPackExecutePolicy() ([]byte, error) {
	return epochRegistry.abi.Pack("executePolicy")
}

// PackFeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf59dfdfb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function feed(uint256 asset) view returns(address aggregator, uint8 circuitDecimals, uint32 heartbeat, uint8 scaleExp, bool scaleDown)
func (epochRegistry *EpochRegistry) PackFeed(asset *big.Int) []byte {
	enc, err := epochRegistry.abi.Pack("feed", asset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf59dfdfb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function feed(uint256 asset) view returns(address aggregator, uint8 circuitDecimals, uint32 heartbeat, uint8 scaleExp, bool scaleDown)
func (epochRegistry *EpochRegistry) TryPackFeed(asset *big.Int) ([]byte, error) {
	return epochRegistry.abi.Pack("feed", asset)
}

// FeedOutput serves as a container for the return parameters of contract
// method Feed.
type FeedOutput struct {
	Aggregator      common.Address
	CircuitDecimals uint8
	Heartbeat       uint32
	ScaleExp        uint8
	ScaleDown       bool
}

// UnpackFeed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf59dfdfb.
//
// Solidity: function feed(uint256 asset) view returns(address aggregator, uint8 circuitDecimals, uint32 heartbeat, uint8 scaleExp, bool scaleDown)
func (epochRegistry *EpochRegistry) UnpackFeed(data []byte) (FeedOutput, error) {
	out, err := epochRegistry.abi.Unpack("feed", data)
	outstruct := new(FeedOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Aggregator = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.CircuitDecimals = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	outstruct.Heartbeat = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	outstruct.ScaleExp = *abi.ConvertType(out[3], new(uint8)).(*uint8)
	outstruct.ScaleDown = *abi.ConvertType(out[4], new(bool)).(*bool)
	return *outstruct, nil
}

// PackGenesisTime is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42c6498a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function genesisTime() view returns(uint64)
func (epochRegistry *EpochRegistry) PackGenesisTime() []byte {
	enc, err := epochRegistry.abi.Pack("genesisTime")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGenesisTime is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42c6498a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function genesisTime() view returns(uint64)
func (epochRegistry *EpochRegistry) TryPackGenesisTime() ([]byte, error) {
	return epochRegistry.abi.Pack("genesisTime")
}

// UnpackGenesisTime is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x42c6498a.
//
// Solidity: function genesisTime() view returns(uint64)
func (epochRegistry *EpochRegistry) UnpackGenesisTime(data []byte) (uint64, error) {
	out, err := epochRegistry.abi.Unpack("genesisTime", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackGovernance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5aa6e675.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function governance() view returns(address)
func (epochRegistry *EpochRegistry) PackGovernance() []byte {
	enc, err := epochRegistry.abi.Pack("governance")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGovernance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5aa6e675.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function governance() view returns(address)
func (epochRegistry *EpochRegistry) TryPackGovernance() ([]byte, error) {
	return epochRegistry.abi.Pack("governance")
}

// UnpackGovernance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5aa6e675.
//
// Solidity: function governance() view returns(address)
func (epochRegistry *EpochRegistry) UnpackGovernance(data []byte) (common.Address, error) {
	out, err := epochRegistry.abi.Unpack("governance", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x452a9320.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function guardian() view returns(address)
func (epochRegistry *EpochRegistry) PackGuardian() []byte {
	enc, err := epochRegistry.abi.Pack("guardian")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x452a9320.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function guardian() view returns(address)
func (epochRegistry *EpochRegistry) TryPackGuardian() ([]byte, error) {
	return epochRegistry.abi.Pack("guardian")
}

// UnpackGuardian is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x452a9320.
//
// Solidity: function guardian() view returns(address)
func (epochRegistry *EpochRegistry) UnpackGuardian(data []byte) (common.Address, error) {
	out, err := epochRegistry.abi.Unpack("guardian", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackLastEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06a4c983.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastEpoch() view returns(uint256)
func (epochRegistry *EpochRegistry) PackLastEpoch() []byte {
	enc, err := epochRegistry.abi.Pack("lastEpoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06a4c983.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastEpoch() view returns(uint256)
func (epochRegistry *EpochRegistry) TryPackLastEpoch() ([]byte, error) {
	return epochRegistry.abi.Pack("lastEpoch")
}

// UnpackLastEpoch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06a4c983.
//
// Solidity: function lastEpoch() view returns(uint256)
func (epochRegistry *EpochRegistry) UnpackLastEpoch(data []byte) (*big.Int, error) {
	out, err := epochRegistry.abi.Unpack("lastEpoch", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLiabilitiesRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93d728c0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function liabilitiesRoot(uint256 epoch) view returns(uint256)
func (epochRegistry *EpochRegistry) PackLiabilitiesRoot(epoch *big.Int) []byte {
	enc, err := epochRegistry.abi.Pack("liabilitiesRoot", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLiabilitiesRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93d728c0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function liabilitiesRoot(uint256 epoch) view returns(uint256)
func (epochRegistry *EpochRegistry) TryPackLiabilitiesRoot(epoch *big.Int) ([]byte, error) {
	return epochRegistry.abi.Pack("liabilitiesRoot", epoch)
}

// UnpackLiabilitiesRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x93d728c0.
//
// Solidity: function liabilitiesRoot(uint256 epoch) view returns(uint256)
func (epochRegistry *EpochRegistry) UnpackLiabilitiesRoot(data []byte) (*big.Int, error) {
	out, err := epochRegistry.abi.Unpack("liabilitiesRoot", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNumAssets is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa46fe83b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function numAssets() view returns(uint256)
func (epochRegistry *EpochRegistry) PackNumAssets() []byte {
	enc, err := epochRegistry.abi.Pack("numAssets")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNumAssets is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa46fe83b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function numAssets() view returns(uint256)
func (epochRegistry *EpochRegistry) TryPackNumAssets() ([]byte, error) {
	return epochRegistry.abi.Pack("numAssets")
}

// UnpackNumAssets is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa46fe83b.
//
// Solidity: function numAssets() view returns(uint256)
func (epochRegistry *EpochRegistry) UnpackNumAssets(data []byte) (*big.Int, error) {
	out, err := epochRegistry.abi.Unpack("numAssets", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pause() returns()
func (epochRegistry *EpochRegistry) PackPause() []byte {
	enc, err := epochRegistry.abi.Pack("pause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pause() returns()
func (epochRegistry *EpochRegistry) TryPackPause() ([]byte, error) {
	return epochRegistry.abi.Pack("pause")
}

// PackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paused() view returns(bool)
func (epochRegistry *EpochRegistry) PackPaused() []byte {
	enc, err := epochRegistry.abi.Pack("paused")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paused() view returns(bool)
func (epochRegistry *EpochRegistry) TryPackPaused() ([]byte, error) {
	return epochRegistry.abi.Pack("paused")
}

// UnpackPaused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c975abb.
//
// Solidity: function paused() view returns(bool)
func (epochRegistry *EpochRegistry) UnpackPaused(data []byte) (bool, error) {
	out, err := epochRegistry.abi.Unpack("paused", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPendingGovernance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf39c38a0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingGovernance() view returns(address)
func (epochRegistry *EpochRegistry) PackPendingGovernance() []byte {
	enc, err := epochRegistry.abi.Pack("pendingGovernance")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingGovernance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf39c38a0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingGovernance() view returns(address)
func (epochRegistry *EpochRegistry) TryPackPendingGovernance() ([]byte, error) {
	return epochRegistry.abi.Pack("pendingGovernance")
}

// UnpackPendingGovernance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf39c38a0.
//
// Solidity: function pendingGovernance() view returns(address)
func (epochRegistry *EpochRegistry) UnpackPendingGovernance(data []byte) (common.Address, error) {
	out, err := epochRegistry.abi.Unpack("pendingGovernance", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPendingGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x762c31ba.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingGuardian() view returns(address)
func (epochRegistry *EpochRegistry) PackPendingGuardian() []byte {
	enc, err := epochRegistry.abi.Pack("pendingGuardian")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x762c31ba.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingGuardian() view returns(address)
func (epochRegistry *EpochRegistry) TryPackPendingGuardian() ([]byte, error) {
	return epochRegistry.abi.Pack("pendingGuardian")
}

// UnpackPendingGuardian is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x762c31ba.
//
// Solidity: function pendingGuardian() view returns(address)
func (epochRegistry *EpochRegistry) UnpackPendingGuardian(data []byte) (common.Address, error) {
	out, err := epochRegistry.abi.Unpack("pendingGuardian", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPolicyDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5fcfcadd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function policyDelay() view returns(uint64)
func (epochRegistry *EpochRegistry) PackPolicyDelay() []byte {
	enc, err := epochRegistry.abi.Pack("policyDelay")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPolicyDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5fcfcadd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function policyDelay() view returns(uint64)
func (epochRegistry *EpochRegistry) TryPackPolicyDelay() ([]byte, error) {
	return epochRegistry.abi.Pack("policyDelay")
}

// UnpackPolicyDelay is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5fcfcadd.
//
// Solidity: function policyDelay() view returns(uint64)
func (epochRegistry *EpochRegistry) UnpackPolicyDelay(data []byte) (uint64, error) {
	out, err := epochRegistry.abi.Unpack("policyDelay", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackPolicyFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4089124.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function policyFor(uint256 epoch) view returns(uint256)
func (epochRegistry *EpochRegistry) PackPolicyFor(epoch *big.Int) []byte {
	enc, err := epochRegistry.abi.Pack("policyFor", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPolicyFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4089124.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function policyFor(uint256 epoch) view returns(uint256)
func (epochRegistry *EpochRegistry) TryPackPolicyFor(epoch *big.Int) ([]byte, error) {
	return epochRegistry.abi.Pack("policyFor", epoch)
}

// UnpackPolicyFor is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa4089124.
//
// Solidity: function policyFor(uint256 epoch) view returns(uint256)
func (epochRegistry *EpochRegistry) UnpackPolicyFor(data []byte) (*big.Int, error) {
	out, err := epochRegistry.abi.Unpack("policyFor", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPolicyGracePeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5910a93d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function policyGracePeriod() view returns(uint64)
func (epochRegistry *EpochRegistry) PackPolicyGracePeriod() []byte {
	enc, err := epochRegistry.abi.Pack("policyGracePeriod")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPolicyGracePeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5910a93d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function policyGracePeriod() view returns(uint64)
func (epochRegistry *EpochRegistry) TryPackPolicyGracePeriod() ([]byte, error) {
	return epochRegistry.abi.Pack("policyGracePeriod")
}

// UnpackPolicyGracePeriod is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5910a93d.
//
// Solidity: function policyGracePeriod() view returns(uint64)
func (epochRegistry *EpochRegistry) UnpackPolicyGracePeriod(data []byte) (uint64, error) {
	out, err := epochRegistry.abi.Unpack("policyGracePeriod", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackPolicyHistory is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd0c9d7c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function policyHistory() view returns((uint64,uint256)[])
func (epochRegistry *EpochRegistry) PackPolicyHistory() []byte {
	enc, err := epochRegistry.abi.Pack("policyHistory")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPolicyHistory is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd0c9d7c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function policyHistory() view returns((uint64,uint256)[])
func (epochRegistry *EpochRegistry) TryPackPolicyHistory() ([]byte, error) {
	return epochRegistry.abi.Pack("policyHistory")
}

// UnpackPolicyHistory is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd0c9d7c5.
//
// Solidity: function policyHistory() view returns((uint64,uint256)[])
func (epochRegistry *EpochRegistry) UnpackPolicyHistory(data []byte) ([]EpochRegistryPolicyChange, error) {
	out, err := epochRegistry.abi.Unpack("policyHistory", data)
	if err != nil {
		return *new([]EpochRegistryPolicyChange), err
	}
	out0 := *abi.ConvertType(out[0], new([]EpochRegistryPolicyChange)).(*[]EpochRegistryPolicyChange)
	return out0, nil
}

// PackQueuePolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ed58e2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function queuePolicy(uint256 commitment, uint64 fromEpoch) returns()
func (epochRegistry *EpochRegistry) PackQueuePolicy(commitment *big.Int, fromEpoch uint64) []byte {
	enc, err := epochRegistry.abi.Pack("queuePolicy", commitment, fromEpoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQueuePolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ed58e2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function queuePolicy(uint256 commitment, uint64 fromEpoch) returns()
func (epochRegistry *EpochRegistry) TryPackQueuePolicy(commitment *big.Int, fromEpoch uint64) ([]byte, error) {
	return epochRegistry.abi.Pack("queuePolicy", commitment, fromEpoch)
}

// PackSequencerFeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3b521cb6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sequencerFeed() view returns(address)
func (epochRegistry *EpochRegistry) PackSequencerFeed() []byte {
	enc, err := epochRegistry.abi.Pack("sequencerFeed")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSequencerFeed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3b521cb6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sequencerFeed() view returns(address)
func (epochRegistry *EpochRegistry) TryPackSequencerFeed() ([]byte, error) {
	return epochRegistry.abi.Pack("sequencerFeed")
}

// UnpackSequencerFeed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3b521cb6.
//
// Solidity: function sequencerFeed() view returns(address)
func (epochRegistry *EpochRegistry) UnpackSequencerFeed(data []byte) (common.Address, error) {
	out, err := epochRegistry.abi.Unpack("sequencerFeed", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackSequencerGracePeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x26a97b94.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sequencerGracePeriod() view returns(uint32)
func (epochRegistry *EpochRegistry) PackSequencerGracePeriod() []byte {
	enc, err := epochRegistry.abi.Pack("sequencerGracePeriod")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSequencerGracePeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x26a97b94.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sequencerGracePeriod() view returns(uint32)
func (epochRegistry *EpochRegistry) TryPackSequencerGracePeriod() ([]byte, error) {
	return epochRegistry.abi.Pack("sequencerGracePeriod")
}

// UnpackSequencerGracePeriod is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x26a97b94.
//
// Solidity: function sequencerGracePeriod() view returns(uint32)
func (epochRegistry *EpochRegistry) UnpackSequencerGracePeriod(data []byte) (uint32, error) {
	out, err := epochRegistry.abi.Unpack("sequencerGracePeriod", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x200d2ed2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function status() view returns((uint64,uint64,uint256,uint256,bool,bytes32,(uint256,uint64,uint64)) v)
func (epochRegistry *EpochRegistry) PackStatus() []byte {
	enc, err := epochRegistry.abi.Pack("status")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x200d2ed2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function status() view returns((uint64,uint64,uint256,uint256,bool,bytes32,(uint256,uint64,uint64)) v)
func (epochRegistry *EpochRegistry) TryPackStatus() ([]byte, error) {
	return epochRegistry.abi.Pack("status")
}

// UnpackStatus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x200d2ed2.
//
// Solidity: function status() view returns((uint64,uint64,uint256,uint256,bool,bytes32,(uint256,uint64,uint64)) v)
func (epochRegistry *EpochRegistry) UnpackStatus(data []byte) (EpochRegistryStatusView, error) {
	out, err := epochRegistry.abi.Unpack("status", data)
	if err != nil {
		return *new(EpochRegistryStatusView), err
	}
	out0 := *abi.ConvertType(out[0], new(EpochRegistryStatusView)).(*EpochRegistryStatusView)
	return out0, nil
}

// PackSubmitEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd8415b58.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitEpoch((uint64,uint64,uint64,uint256,uint256,uint256,uint64,uint80[],uint64[],uint64[]) s, bytes proof) returns()
func (epochRegistry *EpochRegistry) PackSubmitEpoch(s EpochRegistrySubmission, proof []byte) []byte {
	enc, err := epochRegistry.abi.Pack("submitEpoch", s, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd8415b58.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitEpoch((uint64,uint64,uint64,uint256,uint256,uint256,uint64,uint80[],uint64[],uint64[]) s, bytes proof) returns()
func (epochRegistry *EpochRegistry) TryPackSubmitEpoch(s EpochRegistrySubmission, proof []byte) ([]byte, error) {
	return epochRegistry.abi.Pack("submitEpoch", s, proof)
}

// PackTransferGovernance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd38bfff4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferGovernance(address next) returns()
func (epochRegistry *EpochRegistry) PackTransferGovernance(next common.Address) []byte {
	enc, err := epochRegistry.abi.Pack("transferGovernance", next)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferGovernance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd38bfff4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferGovernance(address next) returns()
func (epochRegistry *EpochRegistry) TryPackTransferGovernance(next common.Address) ([]byte, error) {
	return epochRegistry.abi.Pack("transferGovernance", next)
}

// PackTransferGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x091954cd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferGuardian(address next) returns()
func (epochRegistry *EpochRegistry) PackTransferGuardian(next common.Address) []byte {
	enc, err := epochRegistry.abi.Pack("transferGuardian", next)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferGuardian is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x091954cd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferGuardian(address next) returns()
func (epochRegistry *EpochRegistry) TryPackTransferGuardian(next common.Address) ([]byte, error) {
	return epochRegistry.abi.Pack("transferGuardian", next)
}

// PackTreeCapacity is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9abeb64.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function treeCapacity() view returns(uint256)
func (epochRegistry *EpochRegistry) PackTreeCapacity() []byte {
	enc, err := epochRegistry.abi.Pack("treeCapacity")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTreeCapacity is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9abeb64.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function treeCapacity() view returns(uint256)
func (epochRegistry *EpochRegistry) TryPackTreeCapacity() ([]byte, error) {
	return epochRegistry.abi.Pack("treeCapacity")
}

// UnpackTreeCapacity is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc9abeb64.
//
// Solidity: function treeCapacity() view returns(uint256)
func (epochRegistry *EpochRegistry) UnpackTreeCapacity(data []byte) (*big.Int, error) {
	out, err := epochRegistry.abi.Unpack("treeCapacity", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpause() returns()
func (epochRegistry *EpochRegistry) PackUnpause() []byte {
	enc, err := epochRegistry.abi.Pack("unpause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unpause() returns()
func (epochRegistry *EpochRegistry) TryPackUnpause() ([]byte, error) {
	return epochRegistry.abi.Pack("unpause")
}

// PackValueDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3e7e8669.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function valueDecimals() view returns(uint8)
func (epochRegistry *EpochRegistry) PackValueDecimals() []byte {
	enc, err := epochRegistry.abi.Pack("valueDecimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackValueDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3e7e8669.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function valueDecimals() view returns(uint8)
func (epochRegistry *EpochRegistry) TryPackValueDecimals() ([]byte, error) {
	return epochRegistry.abi.Pack("valueDecimals")
}

// UnpackValueDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3e7e8669.
//
// Solidity: function valueDecimals() view returns(uint8)
func (epochRegistry *EpochRegistry) UnpackValueDecimals(data []byte) (uint8, error) {
	out, err := epochRegistry.abi.Unpack("valueDecimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b7ac3f3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifier() view returns(address)
func (epochRegistry *EpochRegistry) PackVerifier() []byte {
	enc, err := epochRegistry.abi.Pack("verifier")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b7ac3f3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifier() view returns(address)
func (epochRegistry *EpochRegistry) TryPackVerifier() ([]byte, error) {
	return epochRegistry.abi.Pack("verifier")
}

// UnpackVerifier is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2b7ac3f3.
//
// Solidity: function verifier() view returns(address)
func (epochRegistry *EpochRegistry) UnpackVerifier(data []byte) (common.Address, error) {
	out, err := epochRegistry.abi.Unpack("verifier", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackVerifierKind is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f0e8870.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifierKind() view returns(uint8)
func (epochRegistry *EpochRegistry) PackVerifierKind() []byte {
	enc, err := epochRegistry.abi.Pack("verifierKind")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifierKind is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f0e8870.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifierKind() view returns(uint8)
func (epochRegistry *EpochRegistry) TryPackVerifierKind() ([]byte, error) {
	return epochRegistry.abi.Pack("verifierKind")
}

// UnpackVerifierKind is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0f0e8870.
//
// Solidity: function verifierKind() view returns(uint8)
func (epochRegistry *EpochRegistry) UnpackVerifierKind(data []byte) (uint8, error) {
	out, err := epochRegistry.abi.Unpack("verifierKind", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// EpochRegistryEpochRecorded represents a EpochRecorded event raised by the EpochRegistry contract.
type EpochRegistryEpochRecorded struct {
	Epoch      *big.Int
	RecordHash [32]byte
	Record     EpochRegistryRecord
	Raw        *types.Log // Blockchain specific contextual infos
}

const EpochRegistryEpochRecordedEventName = "EpochRecorded"

// ContractEventName returns the user-defined event name.
func (EpochRegistryEpochRecorded) ContractEventName() string {
	return EpochRegistryEpochRecordedEventName
}

// UnpackEpochRecordedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EpochRecorded(uint256 indexed epoch, bytes32 indexed recordHash, (bytes32,uint64,uint64,uint64,uint256,uint256,uint256,uint64,uint256,uint80[],uint256[],uint64[],uint64[]) record)
func (epochRegistry *EpochRegistry) UnpackEpochRecordedEvent(log *types.Log) (*EpochRegistryEpochRecorded, error) {
	event := "EpochRecorded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != epochRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EpochRegistryEpochRecorded)
	if len(log.Data) > 0 {
		if err := epochRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range epochRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EpochRegistryGovernanceTransferStarted represents a GovernanceTransferStarted event raised by the EpochRegistry contract.
type EpochRegistryGovernanceTransferStarted struct {
	From common.Address
	To   common.Address
	Raw  *types.Log // Blockchain specific contextual infos
}

const EpochRegistryGovernanceTransferStartedEventName = "GovernanceTransferStarted"

// ContractEventName returns the user-defined event name.
func (EpochRegistryGovernanceTransferStarted) ContractEventName() string {
	return EpochRegistryGovernanceTransferStartedEventName
}

// UnpackGovernanceTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GovernanceTransferStarted(address indexed from, address indexed to)
func (epochRegistry *EpochRegistry) UnpackGovernanceTransferStartedEvent(log *types.Log) (*EpochRegistryGovernanceTransferStarted, error) {
	event := "GovernanceTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != epochRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EpochRegistryGovernanceTransferStarted)
	if len(log.Data) > 0 {
		if err := epochRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range epochRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EpochRegistryGovernanceTransferred represents a GovernanceTransferred event raised by the EpochRegistry contract.
type EpochRegistryGovernanceTransferred struct {
	From common.Address
	To   common.Address
	Raw  *types.Log // Blockchain specific contextual infos
}

const EpochRegistryGovernanceTransferredEventName = "GovernanceTransferred"

// ContractEventName returns the user-defined event name.
func (EpochRegistryGovernanceTransferred) ContractEventName() string {
	return EpochRegistryGovernanceTransferredEventName
}

// UnpackGovernanceTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GovernanceTransferred(address indexed from, address indexed to)
func (epochRegistry *EpochRegistry) UnpackGovernanceTransferredEvent(log *types.Log) (*EpochRegistryGovernanceTransferred, error) {
	event := "GovernanceTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != epochRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EpochRegistryGovernanceTransferred)
	if len(log.Data) > 0 {
		if err := epochRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range epochRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EpochRegistryGuardianTransferStarted represents a GuardianTransferStarted event raised by the EpochRegistry contract.
type EpochRegistryGuardianTransferStarted struct {
	From common.Address
	To   common.Address
	Raw  *types.Log // Blockchain specific contextual infos
}

const EpochRegistryGuardianTransferStartedEventName = "GuardianTransferStarted"

// ContractEventName returns the user-defined event name.
func (EpochRegistryGuardianTransferStarted) ContractEventName() string {
	return EpochRegistryGuardianTransferStartedEventName
}

// UnpackGuardianTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GuardianTransferStarted(address indexed from, address indexed to)
func (epochRegistry *EpochRegistry) UnpackGuardianTransferStartedEvent(log *types.Log) (*EpochRegistryGuardianTransferStarted, error) {
	event := "GuardianTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != epochRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EpochRegistryGuardianTransferStarted)
	if len(log.Data) > 0 {
		if err := epochRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range epochRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EpochRegistryGuardianTransferred represents a GuardianTransferred event raised by the EpochRegistry contract.
type EpochRegistryGuardianTransferred struct {
	From common.Address
	To   common.Address
	Raw  *types.Log // Blockchain specific contextual infos
}

const EpochRegistryGuardianTransferredEventName = "GuardianTransferred"

// ContractEventName returns the user-defined event name.
func (EpochRegistryGuardianTransferred) ContractEventName() string {
	return EpochRegistryGuardianTransferredEventName
}

// UnpackGuardianTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GuardianTransferred(address indexed from, address indexed to)
func (epochRegistry *EpochRegistry) UnpackGuardianTransferredEvent(log *types.Log) (*EpochRegistryGuardianTransferred, error) {
	event := "GuardianTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != epochRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EpochRegistryGuardianTransferred)
	if len(log.Data) > 0 {
		if err := epochRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range epochRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EpochRegistryPauseChanged represents a PauseChanged event raised by the EpochRegistry contract.
type EpochRegistryPauseChanged struct {
	By     common.Address
	Paused bool
	Raw    *types.Log // Blockchain specific contextual infos
}

const EpochRegistryPauseChangedEventName = "PauseChanged"

// ContractEventName returns the user-defined event name.
func (EpochRegistryPauseChanged) ContractEventName() string {
	return EpochRegistryPauseChangedEventName
}

// UnpackPauseChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PauseChanged(address indexed by, bool paused)
func (epochRegistry *EpochRegistry) UnpackPauseChangedEvent(log *types.Log) (*EpochRegistryPauseChanged, error) {
	event := "PauseChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != epochRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EpochRegistryPauseChanged)
	if len(log.Data) > 0 {
		if err := epochRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range epochRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EpochRegistryPolicyCancelled represents a PolicyCancelled event raised by the EpochRegistry contract.
type EpochRegistryPolicyCancelled struct {
	Commitment *big.Int
	FromEpoch  *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const EpochRegistryPolicyCancelledEventName = "PolicyCancelled"

// ContractEventName returns the user-defined event name.
func (EpochRegistryPolicyCancelled) ContractEventName() string {
	return EpochRegistryPolicyCancelledEventName
}

// UnpackPolicyCancelledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PolicyCancelled(uint256 commitment, uint256 fromEpoch)
func (epochRegistry *EpochRegistry) UnpackPolicyCancelledEvent(log *types.Log) (*EpochRegistryPolicyCancelled, error) {
	event := "PolicyCancelled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != epochRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EpochRegistryPolicyCancelled)
	if len(log.Data) > 0 {
		if err := epochRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range epochRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EpochRegistryPolicyExecuted represents a PolicyExecuted event raised by the EpochRegistry contract.
type EpochRegistryPolicyExecuted struct {
	Commitment *big.Int
	FromEpoch  *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const EpochRegistryPolicyExecutedEventName = "PolicyExecuted"

// ContractEventName returns the user-defined event name.
func (EpochRegistryPolicyExecuted) ContractEventName() string {
	return EpochRegistryPolicyExecutedEventName
}

// UnpackPolicyExecutedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PolicyExecuted(uint256 commitment, uint256 fromEpoch)
func (epochRegistry *EpochRegistry) UnpackPolicyExecutedEvent(log *types.Log) (*EpochRegistryPolicyExecuted, error) {
	event := "PolicyExecuted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != epochRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EpochRegistryPolicyExecuted)
	if len(log.Data) > 0 {
		if err := epochRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range epochRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EpochRegistryPolicyQueued represents a PolicyQueued event raised by the EpochRegistry contract.
type EpochRegistryPolicyQueued struct {
	Commitment *big.Int
	FromEpoch  *big.Int
	Eta        *big.Int
	ExpiresAt  *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const EpochRegistryPolicyQueuedEventName = "PolicyQueued"

// ContractEventName returns the user-defined event name.
func (EpochRegistryPolicyQueued) ContractEventName() string {
	return EpochRegistryPolicyQueuedEventName
}

// UnpackPolicyQueuedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PolicyQueued(uint256 commitment, uint256 fromEpoch, uint256 eta, uint256 expiresAt)
func (epochRegistry *EpochRegistry) UnpackPolicyQueuedEvent(log *types.Log) (*EpochRegistryPolicyQueued, error) {
	event := "PolicyQueued"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != epochRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EpochRegistryPolicyQueued)
	if len(log.Data) > 0 {
		if err := epochRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range epochRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (epochRegistry *EpochRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["BadConfig"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackBadConfigError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["CountMismatch"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackCountMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["EmptyEpoch"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackEmptyEpochError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["EpochEndInFuture"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackEpochEndInFutureError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["EpochOutOfOrder"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackEpochOutOfOrderError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["FeedDecimalsMismatch"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackFeedDecimalsMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["FeedTooCoarse"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackFeedTooCoarseError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["FutureRound"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackFutureRoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["InvalidFeedAnswer"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackInvalidFeedAnswerError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["NoPendingPolicy"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackNoPendingPolicyError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["NotGovernance"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackNotGovernanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["NotGuardianOrGovernance"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackNotGuardianOrGovernanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["NotInField"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackNotInFieldError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["NotPaused"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackNotPausedError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["NotPendingGovernance"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackNotPendingGovernanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["NotPendingGuardian"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackNotPendingGuardianError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["Paused"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackPausedError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["PolicyEpochPassed"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackPolicyEpochPassedError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["PolicyExpired"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackPolicyExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["PolicyTooSoon"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackPolicyTooSoonError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["PriceOutOfRange"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackPriceOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["ProofRejected"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackProofRejectedError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["RoundAfterEpochEnd"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackRoundAfterEpochEndError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["RoundSuperseded"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackRoundSupersededError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["RoundUnavailable"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackRoundUnavailableError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["SequencerDown"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackSequencerDownError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["SequencerGracePeriodNotOver"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackSequencerGracePeriodNotOverError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["StaleRound"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackStaleRoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["StartNotPreviousEnd"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackStartNotPreviousEndError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["TimelockNotReady"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackTimelockNotReadyError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["UnknownAsset"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackUnknownAssetError(raw[4:])
	}
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["UnknownEpoch"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackUnknownEpochError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// EpochRegistryBadConfig represents a BadConfig error raised by the EpochRegistry contract.
type EpochRegistryBadConfig struct {
	Reason string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadConfig(string reason)
func EpochRegistryBadConfigErrorID() common.Hash {
	return common.HexToHash("0x73f0bbc07ef4f6808d4c9cd4e62733b9c8ebc9c5ce76b2278fbd8c321c2b523a")
}

// UnpackBadConfigError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadConfig(string reason)
func (epochRegistry *EpochRegistry) UnpackBadConfigError(raw []byte) (*EpochRegistryBadConfig, error) {
	out := new(EpochRegistryBadConfig)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "BadConfig", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryCountMismatch represents a CountMismatch error raised by the EpochRegistry contract.
type EpochRegistryCountMismatch struct {
	Expected *big.Int
	RoundIds *big.Int
	Inflows  *big.Int
	Outflows *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CountMismatch(uint256 expected, uint256 roundIds, uint256 inflows, uint256 outflows)
func EpochRegistryCountMismatchErrorID() common.Hash {
	return common.HexToHash("0x4a4e2efb0f88450c5d5886b5cd501143fbd91512786d7acb367d32826c68eaca")
}

// UnpackCountMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CountMismatch(uint256 expected, uint256 roundIds, uint256 inflows, uint256 outflows)
func (epochRegistry *EpochRegistry) UnpackCountMismatchError(raw []byte) (*EpochRegistryCountMismatch, error) {
	out := new(EpochRegistryCountMismatch)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "CountMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryEmptyEpoch represents a EmptyEpoch error raised by the EpochRegistry contract.
type EpochRegistryEmptyEpoch struct {
	StartTime *big.Int
	EndTime   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyEpoch(uint256 startTime, uint256 endTime)
func EpochRegistryEmptyEpochErrorID() common.Hash {
	return common.HexToHash("0x54d74a127f091f8e99537179350ad796e05c4f1081228892bf372c6c30ea8fdc")
}

// UnpackEmptyEpochError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyEpoch(uint256 startTime, uint256 endTime)
func (epochRegistry *EpochRegistry) UnpackEmptyEpochError(raw []byte) (*EpochRegistryEmptyEpoch, error) {
	out := new(EpochRegistryEmptyEpoch)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "EmptyEpoch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryEpochEndInFuture represents a EpochEndInFuture error raised by the EpochRegistry contract.
type EpochRegistryEpochEndInFuture struct {
	EndTime *big.Int
	NowTs   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EpochEndInFuture(uint256 endTime, uint256 nowTs)
func EpochRegistryEpochEndInFutureErrorID() common.Hash {
	return common.HexToHash("0x654a40c43f58a3bac3d1177973ef1c34052ab4134947a9d10ecc4f972436436c")
}

// UnpackEpochEndInFutureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EpochEndInFuture(uint256 endTime, uint256 nowTs)
func (epochRegistry *EpochRegistry) UnpackEpochEndInFutureError(raw []byte) (*EpochRegistryEpochEndInFuture, error) {
	out := new(EpochRegistryEpochEndInFuture)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "EpochEndInFuture", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryEpochOutOfOrder represents a EpochOutOfOrder error raised by the EpochRegistry contract.
type EpochRegistryEpochOutOfOrder struct {
	Expected *big.Int
	Got      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EpochOutOfOrder(uint256 expected, uint256 got)
func EpochRegistryEpochOutOfOrderErrorID() common.Hash {
	return common.HexToHash("0x7ed88437600997db42113f3f7e346de757c1f3602c2e0dd7ff4d0832691c7053")
}

// UnpackEpochOutOfOrderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EpochOutOfOrder(uint256 expected, uint256 got)
func (epochRegistry *EpochRegistry) UnpackEpochOutOfOrderError(raw []byte) (*EpochRegistryEpochOutOfOrder, error) {
	out := new(EpochRegistryEpochOutOfOrder)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "EpochOutOfOrder", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryFeedDecimalsMismatch represents a FeedDecimalsMismatch error raised by the EpochRegistry contract.
type EpochRegistryFeedDecimalsMismatch struct {
	Asset    *big.Int
	Expected uint8
	Got      uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FeedDecimalsMismatch(uint256 asset, uint8 expected, uint8 got)
func EpochRegistryFeedDecimalsMismatchErrorID() common.Hash {
	return common.HexToHash("0xdddcf74376d3ecc829e20d3ba578aee952726d3eb6da621bf2a2e3edff8bbff1")
}

// UnpackFeedDecimalsMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FeedDecimalsMismatch(uint256 asset, uint8 expected, uint8 got)
func (epochRegistry *EpochRegistry) UnpackFeedDecimalsMismatchError(raw []byte) (*EpochRegistryFeedDecimalsMismatch, error) {
	out := new(EpochRegistryFeedDecimalsMismatch)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "FeedDecimalsMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryFeedTooCoarse represents a FeedTooCoarse error raised by the EpochRegistry contract.
type EpochRegistryFeedTooCoarse struct {
	Asset *big.Int
	Price *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FeedTooCoarse(uint256 asset, uint256 price)
func EpochRegistryFeedTooCoarseErrorID() common.Hash {
	return common.HexToHash("0xdb41514ec238b4450fbfe7132e706ea3b07b698c56723c808549ecf7279a585f")
}

// UnpackFeedTooCoarseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FeedTooCoarse(uint256 asset, uint256 price)
func (epochRegistry *EpochRegistry) UnpackFeedTooCoarseError(raw []byte) (*EpochRegistryFeedTooCoarse, error) {
	out := new(EpochRegistryFeedTooCoarse)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "FeedTooCoarse", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryFutureRound represents a FutureRound error raised by the EpochRegistry contract.
type EpochRegistryFutureRound struct {
	Asset     *big.Int
	RoundId   *big.Int
	UpdatedAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FutureRound(uint256 asset, uint256 roundId, uint256 updatedAt)
func EpochRegistryFutureRoundErrorID() common.Hash {
	return common.HexToHash("0xc0b790aaff34396a205b07df8b0f36c32a9af3e15d9229ecc7ea2fb0617d85ff")
}

// UnpackFutureRoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FutureRound(uint256 asset, uint256 roundId, uint256 updatedAt)
func (epochRegistry *EpochRegistry) UnpackFutureRoundError(raw []byte) (*EpochRegistryFutureRound, error) {
	out := new(EpochRegistryFutureRound)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "FutureRound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryInvalidFeedAnswer represents a InvalidFeedAnswer error raised by the EpochRegistry contract.
type EpochRegistryInvalidFeedAnswer struct {
	Asset   *big.Int
	RoundId *big.Int
	Answer  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidFeedAnswer(uint256 asset, uint256 roundId, int256 answer)
func EpochRegistryInvalidFeedAnswerErrorID() common.Hash {
	return common.HexToHash("0xe578969a3ca4ea9f93485d87caec6ab993dbdd801de680b88d764afcb929a709")
}

// UnpackInvalidFeedAnswerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidFeedAnswer(uint256 asset, uint256 roundId, int256 answer)
func (epochRegistry *EpochRegistry) UnpackInvalidFeedAnswerError(raw []byte) (*EpochRegistryInvalidFeedAnswer, error) {
	out := new(EpochRegistryInvalidFeedAnswer)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "InvalidFeedAnswer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryNoPendingPolicy represents a NoPendingPolicy error raised by the EpochRegistry contract.
type EpochRegistryNoPendingPolicy struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoPendingPolicy()
func EpochRegistryNoPendingPolicyErrorID() common.Hash {
	return common.HexToHash("0xe8415bf2c743253098be71e2c8841423b8506d09f7f722179d3a439b2e451db4")
}

// UnpackNoPendingPolicyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoPendingPolicy()
func (epochRegistry *EpochRegistry) UnpackNoPendingPolicyError(raw []byte) (*EpochRegistryNoPendingPolicy, error) {
	out := new(EpochRegistryNoPendingPolicy)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "NoPendingPolicy", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryNotGovernance represents a NotGovernance error raised by the EpochRegistry contract.
type EpochRegistryNotGovernance struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotGovernance()
func EpochRegistryNotGovernanceErrorID() common.Hash {
	return common.HexToHash("0xb56f932cae4ae1d955bbd63c6f7c50f21626333cb2a1e2c5cd94e7f82473bbe4")
}

// UnpackNotGovernanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotGovernance()
func (epochRegistry *EpochRegistry) UnpackNotGovernanceError(raw []byte) (*EpochRegistryNotGovernance, error) {
	out := new(EpochRegistryNotGovernance)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "NotGovernance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryNotGuardianOrGovernance represents a NotGuardianOrGovernance error raised by the EpochRegistry contract.
type EpochRegistryNotGuardianOrGovernance struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotGuardianOrGovernance()
func EpochRegistryNotGuardianOrGovernanceErrorID() common.Hash {
	return common.HexToHash("0x809d5aeee87c17dc69417cb3f2809d88ad1147b2c44e453d2720ae4cc68496e7")
}

// UnpackNotGuardianOrGovernanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotGuardianOrGovernance()
func (epochRegistry *EpochRegistry) UnpackNotGuardianOrGovernanceError(raw []byte) (*EpochRegistryNotGuardianOrGovernance, error) {
	out := new(EpochRegistryNotGuardianOrGovernance)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "NotGuardianOrGovernance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryNotInField represents a NotInField error raised by the EpochRegistry contract.
type EpochRegistryNotInField struct {
	Value *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotInField(uint256 value)
func EpochRegistryNotInFieldErrorID() common.Hash {
	return common.HexToHash("0x81452424a5ecc8f087db8603e93ef219e8a1d59f781e33573a10d2a59fa29a1f")
}

// UnpackNotInFieldError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotInField(uint256 value)
func (epochRegistry *EpochRegistry) UnpackNotInFieldError(raw []byte) (*EpochRegistryNotInField, error) {
	out := new(EpochRegistryNotInField)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "NotInField", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryNotPaused represents a NotPaused error raised by the EpochRegistry contract.
type EpochRegistryNotPaused struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPaused()
func EpochRegistryNotPausedErrorID() common.Hash {
	return common.HexToHash("0x6cd602013233635730773e15e89b8a778034d859147e8f706bcd1aa42e228e06")
}

// UnpackNotPausedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPaused()
func (epochRegistry *EpochRegistry) UnpackNotPausedError(raw []byte) (*EpochRegistryNotPaused, error) {
	out := new(EpochRegistryNotPaused)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "NotPaused", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryNotPendingGovernance represents a NotPendingGovernance error raised by the EpochRegistry contract.
type EpochRegistryNotPendingGovernance struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPendingGovernance()
func EpochRegistryNotPendingGovernanceErrorID() common.Hash {
	return common.HexToHash("0xbe289cfcb44eb27b269ec13ada6a84d9233b5ffa2c955d8089929f3f9504a825")
}

// UnpackNotPendingGovernanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPendingGovernance()
func (epochRegistry *EpochRegistry) UnpackNotPendingGovernanceError(raw []byte) (*EpochRegistryNotPendingGovernance, error) {
	out := new(EpochRegistryNotPendingGovernance)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "NotPendingGovernance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryNotPendingGuardian represents a NotPendingGuardian error raised by the EpochRegistry contract.
type EpochRegistryNotPendingGuardian struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPendingGuardian()
func EpochRegistryNotPendingGuardianErrorID() common.Hash {
	return common.HexToHash("0x8a04d22951039e3f4952933c67d0c2d275ea7af0ea53893f3824cf5fc13bffa0")
}

// UnpackNotPendingGuardianError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPendingGuardian()
func (epochRegistry *EpochRegistry) UnpackNotPendingGuardianError(raw []byte) (*EpochRegistryNotPendingGuardian, error) {
	out := new(EpochRegistryNotPendingGuardian)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "NotPendingGuardian", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryPaused represents a Paused error raised by the EpochRegistry contract.
type EpochRegistryPaused struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Paused()
func EpochRegistryPausedErrorID() common.Hash {
	return common.HexToHash("0x9e87fac88ff661f02d44f95383c817fece4bce600a3dab7a54406878b965e752")
}

// UnpackPausedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Paused()
func (epochRegistry *EpochRegistry) UnpackPausedError(raw []byte) (*EpochRegistryPaused, error) {
	out := new(EpochRegistryPaused)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "Paused", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryPolicyEpochPassed represents a PolicyEpochPassed error raised by the EpochRegistry contract.
type EpochRegistryPolicyEpochPassed struct {
	FromEpoch *big.Int
	LastEpoch *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PolicyEpochPassed(uint256 fromEpoch, uint256 lastEpoch)
func EpochRegistryPolicyEpochPassedErrorID() common.Hash {
	return common.HexToHash("0x39d3303bea74a49d7c34137e3bbc99e0236f4210198c6cef0c761b75b46a34eb")
}

// UnpackPolicyEpochPassedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PolicyEpochPassed(uint256 fromEpoch, uint256 lastEpoch)
func (epochRegistry *EpochRegistry) UnpackPolicyEpochPassedError(raw []byte) (*EpochRegistryPolicyEpochPassed, error) {
	out := new(EpochRegistryPolicyEpochPassed)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "PolicyEpochPassed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryPolicyExpired represents a PolicyExpired error raised by the EpochRegistry contract.
type EpochRegistryPolicyExpired struct {
	ExpiresAt *big.Int
	NowTs     *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PolicyExpired(uint256 expiresAt, uint256 nowTs)
func EpochRegistryPolicyExpiredErrorID() common.Hash {
	return common.HexToHash("0x983cf93d1fb7125e752696b9060bd4f4d0765ab6b635df8219255e4c0674ebc5")
}

// UnpackPolicyExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PolicyExpired(uint256 expiresAt, uint256 nowTs)
func (epochRegistry *EpochRegistry) UnpackPolicyExpiredError(raw []byte) (*EpochRegistryPolicyExpired, error) {
	out := new(EpochRegistryPolicyExpired)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "PolicyExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryPolicyTooSoon represents a PolicyTooSoon error raised by the EpochRegistry contract.
type EpochRegistryPolicyTooSoon struct {
	MinFromEpoch *big.Int
	FromEpoch    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PolicyTooSoon(uint256 minFromEpoch, uint256 fromEpoch)
func EpochRegistryPolicyTooSoonErrorID() common.Hash {
	return common.HexToHash("0xa17c8c76e34957cdebedd5ef34d54d6c4eab01c7e613d758f2173b2ccb95595b")
}

// UnpackPolicyTooSoonError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PolicyTooSoon(uint256 minFromEpoch, uint256 fromEpoch)
func (epochRegistry *EpochRegistry) UnpackPolicyTooSoonError(raw []byte) (*EpochRegistryPolicyTooSoon, error) {
	out := new(EpochRegistryPolicyTooSoon)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "PolicyTooSoon", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryPriceOutOfRange represents a PriceOutOfRange error raised by the EpochRegistry contract.
type EpochRegistryPriceOutOfRange struct {
	Asset   *big.Int
	RoundId *big.Int
	Answer  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PriceOutOfRange(uint256 asset, uint256 roundId, int256 answer)
func EpochRegistryPriceOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x4b63e3d20bc48b40bb0392523cb9f0a82e11a90e5f11d1d13a8225bf790cb58b")
}

// UnpackPriceOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PriceOutOfRange(uint256 asset, uint256 roundId, int256 answer)
func (epochRegistry *EpochRegistry) UnpackPriceOutOfRangeError(raw []byte) (*EpochRegistryPriceOutOfRange, error) {
	out := new(EpochRegistryPriceOutOfRange)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "PriceOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryProofRejected represents a ProofRejected error raised by the EpochRegistry contract.
type EpochRegistryProofRejected struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProofRejected()
func EpochRegistryProofRejectedErrorID() common.Hash {
	return common.HexToHash("0xc3b0d8cd541865f9b30efc779f8c07d9e8020f803988cd1623277e97b27f74d7")
}

// UnpackProofRejectedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProofRejected()
func (epochRegistry *EpochRegistry) UnpackProofRejectedError(raw []byte) (*EpochRegistryProofRejected, error) {
	out := new(EpochRegistryProofRejected)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "ProofRejected", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryRoundAfterEpochEnd represents a RoundAfterEpochEnd error raised by the EpochRegistry contract.
type EpochRegistryRoundAfterEpochEnd struct {
	Asset     *big.Int
	RoundId   *big.Int
	UpdatedAt *big.Int
	EndTime   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundAfterEpochEnd(uint256 asset, uint256 roundId, uint256 updatedAt, uint256 endTime)
func EpochRegistryRoundAfterEpochEndErrorID() common.Hash {
	return common.HexToHash("0xea98b8c5b15e41059cb10e26981345cd727fb5addc7222d5f7e933058a08ed25")
}

// UnpackRoundAfterEpochEndError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundAfterEpochEnd(uint256 asset, uint256 roundId, uint256 updatedAt, uint256 endTime)
func (epochRegistry *EpochRegistry) UnpackRoundAfterEpochEndError(raw []byte) (*EpochRegistryRoundAfterEpochEnd, error) {
	out := new(EpochRegistryRoundAfterEpochEnd)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "RoundAfterEpochEnd", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryRoundSuperseded represents a RoundSuperseded error raised by the EpochRegistry contract.
type EpochRegistryRoundSuperseded struct {
	Asset         *big.Int
	RoundId       *big.Int
	NextRoundId   *big.Int
	NextUpdatedAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundSuperseded(uint256 asset, uint256 roundId, uint256 nextRoundId, uint256 nextUpdatedAt)
func EpochRegistryRoundSupersededErrorID() common.Hash {
	return common.HexToHash("0x90128f5d0933cc44315a6d315c6faa8d8fee08916a4d2e0b9b01283de15c2de2")
}

// UnpackRoundSupersededError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundSuperseded(uint256 asset, uint256 roundId, uint256 nextRoundId, uint256 nextUpdatedAt)
func (epochRegistry *EpochRegistry) UnpackRoundSupersededError(raw []byte) (*EpochRegistryRoundSuperseded, error) {
	out := new(EpochRegistryRoundSuperseded)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "RoundSuperseded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryRoundUnavailable represents a RoundUnavailable error raised by the EpochRegistry contract.
type EpochRegistryRoundUnavailable struct {
	Asset   *big.Int
	RoundId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoundUnavailable(uint256 asset, uint256 roundId)
func EpochRegistryRoundUnavailableErrorID() common.Hash {
	return common.HexToHash("0x3acf23c1181f91364f131f1a6cc9b8694192ddb26b840cc550f7f5246b96ef9f")
}

// UnpackRoundUnavailableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoundUnavailable(uint256 asset, uint256 roundId)
func (epochRegistry *EpochRegistry) UnpackRoundUnavailableError(raw []byte) (*EpochRegistryRoundUnavailable, error) {
	out := new(EpochRegistryRoundUnavailable)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "RoundUnavailable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistrySequencerDown represents a SequencerDown error raised by the EpochRegistry contract.
type EpochRegistrySequencerDown struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SequencerDown()
func EpochRegistrySequencerDownErrorID() common.Hash {
	return common.HexToHash("0x032b3d00cfb14fdf4eecb317aaf61db9dd7331083f0db9baa2eae06ec3e15ecb")
}

// UnpackSequencerDownError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SequencerDown()
func (epochRegistry *EpochRegistry) UnpackSequencerDownError(raw []byte) (*EpochRegistrySequencerDown, error) {
	out := new(EpochRegistrySequencerDown)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "SequencerDown", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistrySequencerGracePeriodNotOver represents a SequencerGracePeriodNotOver error raised by the EpochRegistry contract.
type EpochRegistrySequencerGracePeriodNotOver struct {
	UpSince *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SequencerGracePeriodNotOver(uint256 upSince)
func EpochRegistrySequencerGracePeriodNotOverErrorID() common.Hash {
	return common.HexToHash("0xc404ee077814ab577acd77398142d4bf6dc2667ddcbb30eb9635c6082ef7f5e7")
}

// UnpackSequencerGracePeriodNotOverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SequencerGracePeriodNotOver(uint256 upSince)
func (epochRegistry *EpochRegistry) UnpackSequencerGracePeriodNotOverError(raw []byte) (*EpochRegistrySequencerGracePeriodNotOver, error) {
	out := new(EpochRegistrySequencerGracePeriodNotOver)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "SequencerGracePeriodNotOver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryStaleRound represents a StaleRound error raised by the EpochRegistry contract.
type EpochRegistryStaleRound struct {
	Asset     *big.Int
	RoundId   *big.Int
	UpdatedAt *big.Int
	EndTime   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StaleRound(uint256 asset, uint256 roundId, uint256 updatedAt, uint256 endTime)
func EpochRegistryStaleRoundErrorID() common.Hash {
	return common.HexToHash("0x76332199ba77bb640b2e9eaa7cf071709a9b3b8662f4e49c49deba956d3c574f")
}

// UnpackStaleRoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StaleRound(uint256 asset, uint256 roundId, uint256 updatedAt, uint256 endTime)
func (epochRegistry *EpochRegistry) UnpackStaleRoundError(raw []byte) (*EpochRegistryStaleRound, error) {
	out := new(EpochRegistryStaleRound)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "StaleRound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryStartNotPreviousEnd represents a StartNotPreviousEnd error raised by the EpochRegistry contract.
type EpochRegistryStartNotPreviousEnd struct {
	Expected *big.Int
	Got      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StartNotPreviousEnd(uint256 expected, uint256 got)
func EpochRegistryStartNotPreviousEndErrorID() common.Hash {
	return common.HexToHash("0x82a893d2ce6304fad45de4e71d76e81e72ffce2dcd0c0eff582dd32a7caf3a65")
}

// UnpackStartNotPreviousEndError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StartNotPreviousEnd(uint256 expected, uint256 got)
func (epochRegistry *EpochRegistry) UnpackStartNotPreviousEndError(raw []byte) (*EpochRegistryStartNotPreviousEnd, error) {
	out := new(EpochRegistryStartNotPreviousEnd)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "StartNotPreviousEnd", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryTimelockNotReady represents a TimelockNotReady error raised by the EpochRegistry contract.
type EpochRegistryTimelockNotReady struct {
	Eta   *big.Int
	NowTs *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TimelockNotReady(uint256 eta, uint256 nowTs)
func EpochRegistryTimelockNotReadyErrorID() common.Hash {
	return common.HexToHash("0xfd2e35b04aa7a31caaebb77c98a10e883726a446915d4871524818ef8c956d3b")
}

// UnpackTimelockNotReadyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TimelockNotReady(uint256 eta, uint256 nowTs)
func (epochRegistry *EpochRegistry) UnpackTimelockNotReadyError(raw []byte) (*EpochRegistryTimelockNotReady, error) {
	out := new(EpochRegistryTimelockNotReady)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "TimelockNotReady", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryUnknownAsset represents a UnknownAsset error raised by the EpochRegistry contract.
type EpochRegistryUnknownAsset struct {
	Asset *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownAsset(uint256 asset)
func EpochRegistryUnknownAssetErrorID() common.Hash {
	return common.HexToHash("0xcb3e2772d2362b85f30073738c859b7c3d6307867e03f1cca89c8c8e027288a2")
}

// UnpackUnknownAssetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownAsset(uint256 asset)
func (epochRegistry *EpochRegistry) UnpackUnknownAssetError(raw []byte) (*EpochRegistryUnknownAsset, error) {
	out := new(EpochRegistryUnknownAsset)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "UnknownAsset", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EpochRegistryUnknownEpoch represents a UnknownEpoch error raised by the EpochRegistry contract.
type EpochRegistryUnknownEpoch struct {
	Epoch *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownEpoch(uint256 epoch)
func EpochRegistryUnknownEpochErrorID() common.Hash {
	return common.HexToHash("0x80cfe51774e17eface534956d688e55b304b9c17e93e7f306cda48e8c89bc394")
}

// UnpackUnknownEpochError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownEpoch(uint256 epoch)
func (epochRegistry *EpochRegistry) UnpackUnknownEpochError(raw []byte) (*EpochRegistryUnknownEpoch, error) {
	out := new(EpochRegistryUnknownEpoch)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "UnknownEpoch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

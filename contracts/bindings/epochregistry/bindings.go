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
	ABI: "[{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"governance\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"guardian\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"genesisState\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"genesisPolicy\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"genesisTime\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"policyDelay\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"policyGracePeriod\",\"type\":\"uint64\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"enumEpochRegistry.VerifierKind\",\"name\":\"kind\",\"type\":\"uint8\"}],\"internalType\":\"structEpochRegistry.VerifierConfig\",\"name\":\"verifier\",\"type\":\"tuple\"},{\"internalType\":\"uint8\",\"name\":\"valueDecimals\",\"type\":\"uint8\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"aggregator\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"decimals\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"circuitDecimals\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"heartbeat\",\"type\":\"uint32\"}],\"internalType\":\"structEpochRegistry.FeedConfig[]\",\"name\":\"feeds\",\"type\":\"tuple[]\"},{\"internalType\":\"address\",\"name\":\"sequencerFeed\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"sequencerGracePeriod\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"treeCapacity\",\"type\":\"uint64\"}],\"internalType\":\"structEpochRegistry.InitParams\",\"name\":\"p\",\"type\":\"tuple\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"BadConfig\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundIds\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"inflows\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"outflows\",\"type\":\"uint256\"}],\"name\":\"CountMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"startTime\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"endTime\",\"type\":\"uint256\"}],\"name\":\"EmptyEpoch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"endTime\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nowTs\",\"type\":\"uint256\"}],\"name\":\"EpochEndInFuture\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"EpochOutOfOrder\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"expected\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"got\",\"type\":\"uint8\"}],\"name\":\"FeedDecimalsMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"FeedTooCoarse\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"}],\"name\":\"FutureRound\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"}],\"name\":\"InvalidFeedAnswer\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoPendingPolicy\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotGovernance\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotGuardianOrGovernance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"NotInField\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPaused\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPendingGovernance\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPendingGuardian\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Paused\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"lastEpoch\",\"type\":\"uint256\"}],\"name\":\"PolicyEpochPassed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expiresAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nowTs\",\"type\":\"uint256\"}],\"name\":\"PolicyExpired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"queuedCommitment\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"queuedFromEpoch\",\"type\":\"uint256\"}],\"name\":\"PolicyNotQueued\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"minFromEpoch\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"}],\"name\":\"PolicyTooSoon\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"}],\"name\":\"PriceOutOfRange\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ProofRejected\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"endTime\",\"type\":\"uint256\"}],\"name\":\"RoundAfterEpochEnd\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nextRoundId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nextUpdatedAt\",\"type\":\"uint256\"}],\"name\":\"RoundSuperseded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"}],\"name\":\"RoundUnavailable\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SequencerDown\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"upSince\",\"type\":\"uint256\"}],\"name\":\"SequencerGracePeriodNotOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roundId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"endTime\",\"type\":\"uint256\"}],\"name\":\"StaleRound\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"StartNotPreviousEnd\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"eta\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nowTs\",\"type\":\"uint256\"}],\"name\":\"TimelockNotReady\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"}],\"name\":\"UnknownAsset\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"UnknownEpoch\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"recordHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"record\",\"type\":\"bytes\"}],\"name\":\"EpochRecorded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"GovernanceTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"GovernanceTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"GuardianTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"GuardianTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"by\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"paused\",\"type\":\"bool\"}],\"name\":\"PauseChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"}],\"name\":\"PolicyCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"}],\"name\":\"PolicyExecuted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fromEpoch\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"eta\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"expiresAt\",\"type\":\"uint256\"}],\"name\":\"PolicyQueued\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"HASH_MASK\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MIN_DEPLOY_PRICE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SCALAR_FIELD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptGovernance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptGuardian\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"fromEpoch\",\"type\":\"uint64\"}],\"name\":\"cancelPolicy\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentState\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"deployBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"fromEpoch\",\"type\":\"uint64\"}],\"name\":\"executePolicy\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asset\",\"type\":\"uint256\"}],\"name\":\"feed\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"aggregator\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"circuitDecimals\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"heartbeat\",\"type\":\"uint32\"},{\"internalType\":\"uint8\",\"name\":\"scaleExp\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"scaleDown\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"genesisTime\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"governance\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"guardian\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastEpoch\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"liabilitiesRoot\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"numAssets\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paused\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingGovernance\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingGuardian\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"policyDelay\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"policyFor\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"policyGracePeriod\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"policyHistory\",\"outputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"fromEpoch\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"}],\"internalType\":\"structEpochRegistry.PolicyChange[]\",\"name\":\"\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"fromEpoch\",\"type\":\"uint64\"}],\"name\":\"queuePolicy\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sequencerFeed\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sequencerGracePeriod\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"status\",\"outputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"lastEpoch\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastEnd\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"currentState\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nextPolicy\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"paused\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"recordHash\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"fromEpoch\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"eta\",\"type\":\"uint64\"}],\"internalType\":\"structEpochRegistry.PendingPolicy\",\"name\":\"pending\",\"type\":\"tuple\"}],\"internalType\":\"structEpochRegistry.StatusView\",\"name\":\"v\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"startTime\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"endTime\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"newState\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"liabilitiesRoot\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"actionsCommitment\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"actionCount\",\"type\":\"uint64\"},{\"internalType\":\"uint80[]\",\"name\":\"roundIds\",\"type\":\"uint80[]\"},{\"internalType\":\"uint64[]\",\"name\":\"inflows\",\"type\":\"uint64[]\"},{\"internalType\":\"uint64[]\",\"name\":\"outflows\",\"type\":\"uint64[]\"}],\"internalType\":\"structEpochRegistry.Submission\",\"name\":\"s\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"}],\"name\":\"submitEpoch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"next\",\"type\":\"address\"}],\"name\":\"transferGovernance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"next\",\"type\":\"address\"}],\"name\":\"transferGuardian\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"treeCapacity\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unpause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"valueDecimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"verifier\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"verifierKind\",\"outputs\":[{\"internalType\":\"enumEpochRegistry.VerifierKind\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "EpochRegistry",
	Bin: "0x6102006040525f805460ff60401b191668010000000000000000179055348015610027575f5ffd5b5060405161428538038061428583398101604081905261004691610edb565b80516001600160a01b03166100a3576040516301cfc2ef60e61b815260206004820152601e60248201527f676f7665726e616e636520697320746865207a65726f2061646472657373000060448201526064015b60405180910390fd5b60208101516001600160a01b03166100fe576040516301cfc2ef60e61b815260206004820152601c60248201527f677561726469616e20697320746865207a65726f206164647265737300000000604482015260640161009a565b8060a001516001600160401b03165f0361015b576040516301cfc2ef60e61b815260206004820152601460248201527f706f6c6963792064656c6179206973207a65726f000000000000000000000000604482015260640161009a565b8060c001516001600160401b03165f036101b8576040516301cfc2ef60e61b815260206004820152601b60248201527f706f6c69637920677261636520706572696f64206973207a65726f0000000000604482015260640161009a565b60808101516001600160401b031615806101de57504281608001516001600160401b0316115b1561023a576040516301cfc2ef60e61b815260206004820152602560248201527f67656e657369732074696d65206973207a65726f206f7220696e207468652066604482015264757475726560d81b606482015260840161009a565b8061018001516001600160401b03165f03610298576040516301cfc2ef60e61b815260206004820152601560248201527f74726565206361706163697479206973207a65726f0000000000000000000000604482015260640161009a565b806101200151515f036102df576040516301cfc2ef60e61b815260206004820152600e60248201526d6e6f20707269636520666565647360901b604482015260640161009a565b5f5160206142655f395f51905f52816040015110610318578060400151604051632051490960e21b815260040161009a91815260200190565b5f5160206142655f395f51905f52816060015110610351578060600151604051632051490960e21b815260040161009a91815260200190565b60e0810151516001600160a01b03163b5f036103b0576040516301cfc2ef60e61b815260206004820152601460248201527f766572696669657220686173206e6f20636f6465000000000000000000000000604482015260640161009a565b6101408101516001600160a01b0316158015906103da57506101408101516001600160a01b03163b155b15610428576040516301cfc2ef60e61b815260206004820152601a60248201527f73657175656e636572206665656420686173206e6f20636f6465000000000000604482015260640161009a565b610120810151515f816001600160401b0381111561044857610448610cc3565b604051908082528060200260200182016040528015610471578160200160208202803683370190505b5090505f5b828110156104df576104ba6104b582866101200151848151811061049c5761049c61100f565b602002602001015187610100015161075160201b60201c565b610abe565b8282815181106104cc576104cc61100f565b6020908102919091010152600101610476565b506104e981610b13565b6001600160a01b039081166101e0528351600680549183166001600160a01b031992831617905560208086015160088054918516919093161790915560a0808601516001600160401b03908116608090815260c0808901518316909352870151811690915260e085815261018087015190911661010090815286015160ff166101205285018051519092166101405290510151600181111561058d5761058d611023565b6101608160018111156105a2576105a2611023565b9052506101408301516001600160a01b03166101805261016083015163ffffffff166101a052436101c0526040805180820182525f808252606080870180516020808601918252600380546001808201835591875296517fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b600298890290810180546001600160401b0319166001600160401b0393841617905593517fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85c90940193909355878b0151908190556080808c01518754600160481b600160881b03191669010000000000000000009582169590950294909417875593518851808401889052808a01919091529485018690529284019290925260a0830184905260c080840185905260e080850186905260e8850186905291901b6001600160c01b03191660f0840181905260f8840152855180840390910181526101009092019485905281519082012092839055928291907f9e836798fb849cc56359c3151d4b8bb20d5554375f8c9e4ba997fff4ac625a2c9061073f908690611037565b60405180910390a350505050506112e6565b6040805160a0810182525f8082526020820181905291810182905260608101829052608081019190915282516001600160a01b03163b5f036107d6576040516301cfc2ef60e61b815260206004820152601660248201527f7072696365206665656420686173206e6f20636f646500000000000000000000604482015260640161009a565b826060015163ffffffff165f03610830576040516301cfc2ef60e61b815260206004820152601660248201527f6665656420686561727462656174206973207a65726f00000000000000000000604482015260640161009a565b5f835f01516001600160a01b031663313ce5676040518163ffffffff1660e01b8152600401602060405180830381865afa158015610870573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610894919061106c565b9050836020015160ff168160ff16146108da57602084015160405163dddcf74360e01b81526004810187905260ff9182166024820152908216604482015260640161009a565b5f5f5f6108f68688602001518960400151610bc560201b60201c565b9250925092508061094a576040516301cfc2ef60e61b815260206004820152601d60248201527f707269636520636f6e76657273696f6e206265796f6e642031305e3736000000604482015260640161009a565b5f5f885f01516001600160a01b031663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa15801561098b573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906109af91906110a2565b505050915091505f81136109ef576040516372bc4b4d60e11b8152600481018b90526001600160501b03831660248201526044810182905260640161009a565b5f806109fc838888610c31565b91509150612710811015610a2d57604051636da0a8a760e11b8152600481018d90526024810182905260440161009a565b81610a64576040516325b1f1e960e11b8152600481018d90526001600160501b03851660248201526044810184905260640161009a565b6040518060a001604052808c5f01516001600160a01b031681526020018c6060015163ffffffff1681526020018860ff16815260200187151581526020018c6040015160ff16815250985050505050505050509392505050565b5f60d0826080015160ff16901b8260600151610ada575f610ae0565b600160c81b5b60c0846040015160ff16901b60a0856020015163ffffffff16901b855f01516001600160a01b0316171717179050919050565b5f5f82604051602001610b2691906110f0565b60405160208183030381529060405290505f815182604051602001610b4c929190611129565b60405160208183030381529060405290508051602082015ff092506001600160a01b038316610bbe576040516301cfc2ef60e61b815260206004820152601760248201527f66656564207461626c65206e6f74206465706c6f796564000000000000000000604482015260640161009a565b5050919050565b5f5f5f5f8460ff168660ff168860ff16610bdf9190611188565b610be99190611188565b90505f5f8212610bf95781610c02565b610c02826111ae565b9050604c811115610c1d575f5f5f9450945094505050610c28565b93505f139150600190505b93509350939050565b5f5f5f8513610c4457505f905080610cbb565b845f610c5460ff8716600a6112a5565b90508415610c6d57610c6681836112b0565b9250610ca0565b610c7e816001600160401b036112b0565b821115610c93575f5f19935093505050610cbb565b610c9d81836112cf565b92505b8215801590610cb657506001600160401b038311155b935050505b935093915050565b634e487b7160e01b5f52604160045260245ffd5b604051608081016001600160401b0381118282101715610cf957610cf9610cc3565b60405290565b6040516101a081016001600160401b0381118282101715610cf957610cf9610cc3565b604051601f8201601f191681016001600160401b0381118282101715610d4a57610d4a610cc3565b604052919050565b80516001600160a01b0381168114610d68575f5ffd5b919050565b80516001600160401b0381168114610d68575f5ffd5b5f60408284031215610d93575f5ffd5b604080519081016001600160401b0381118282101715610db557610db5610cc3565b604052905080610dc483610d52565b8152602083015160028110610dd7575f5ffd5b6020919091015292915050565b805160ff81168114610d68575f5ffd5b805163ffffffff81168114610d68575f5ffd5b5f82601f830112610e16575f5ffd5b81516001600160401b03811115610e2f57610e2f610cc3565b610e3e60208260051b01610d22565b8082825260208201915060208360071b860101925085831115610e5f575f5ffd5b602085015b83811015610ed15760808188031215610e7b575f5ffd5b610e83610cd7565b610e8c82610d52565b8152610e9a60208301610de4565b6020820152610eab60408301610de4565b6040820152610ebc60608301610df4565b60608201528352602090920191608001610e64565b5095945050505050565b5f60208284031215610eeb575f5ffd5b81516001600160401b03811115610f00575f5ffd5b82016101c08185031215610f12575f5ffd5b610f1a610cff565b610f2382610d52565b8152610f3160208301610d52565b60208201526040828101519082015260608083015190820152610f5660808301610d6d565b6080820152610f6760a08301610d6d565b60a0820152610f7860c08301610d6d565b60c0820152610f8a8560e08401610d83565b60e0820152610f9c6101208301610de4565b6101008201526101408201516001600160401b03811115610fbb575f5ffd5b610fc786828501610e07565b61012083015250610fdb6101608301610d52565b610140820152610fee6101808301610df4565b6101608201526110016101a08301610d6d565b610180820152949350505050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52602160045260245ffd5b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f6020828403121561107c575f5ffd5b61108582610de4565b9392505050565b80516001600160501b0381168114610d68575f5ffd5b5f5f5f5f5f60a086880312156110b6575f5ffd5b6110bf8661108c565b602087015160408801516060890151929750909550935091506110e46080870161108c565b90509295509295909350565b5f81525f600182018351602085015f5b8281101561111e578151845260209384019390910190600101611100565b509195945050505050565b606360f81b815260e083901b6001600160e01b03191660018201526880600e6000396000f360b81b600582015281515f908060208501600e85015e5f9201600e019182525092915050565b634e487b7160e01b5f52601160045260245ffd5b8181035f8312801583831316838312821617156111a7576111a7611174565b5092915050565b5f600160ff1b82016111c2576111c2611174565b505f0390565b6001815b6001841115610cbb578085048111156111e7576111e7611174565b60018416156111f557908102905b60019390931c9280026111cc565b5f826112115750600161129f565b8161121d57505f61129f565b8160018114611233576002811461123d57611259565b600191505061129f565b60ff84111561124e5761124e611174565b50506001821b61129f565b5060208310610133831016604e8410600b841016171561127c575081810a61129f565b6112885f1984846111c8565b805f190482111561129b5761129b611174565b0290505b92915050565b5f6110858383611203565b5f826112ca57634e487b7160e01b5f52601260045260245ffd5b500490565b808202811582820484141761129f5761129f611174565b60805160a05160c05160e05161010051610120516101405161016051610180516101a0516101c0516101e051612eaf6113b65f395f61227501525f61054301525f818161034c0152611a7001525f81816103c7015261198701525f818161026b01528181611cac0152611ee601525f81816103880152611e4c01525f6103ee01525f6105bf01525f818161057d015281816112b3015281816117d9015261221001525f61042f01525f8181610481015281816108060152610d9f01525f81816104e001526107660152612eaf5ff3fe608060405234801561000f575f5ffd5b5060043610610213575f3560e01c80635fcfcadd1161011f578063b7a20a44116100a9578063d8415b5811610079578063d8415b5814610609578063de68eab21461061c578063f39c38a01461062f578063f59dfdfb14610642578063f781043d14610697575f5ffd5b8063b7a20a44146105a7578063c9abeb64146105ba578063d0c9d7c5146105e1578063d38bfff4146105f6575f5ffd5b806393d728c0116100ef57806393d728c01461052b578063a3ec191a1461053e578063a408912414610565578063a46fe83b14610578578063a5f31d611461059f575f5ffd5b80635fcfcadd146104db578063762c31ba14610502578063779ec8d7146105155780638456cb5914610523575f5ffd5b80632b7ac3f3116101a057806342c6498a1161017057806342c6498a1461042a578063452a9320146104695780635910a93d1461047c5780635aa6e675146104a35780635c975abb146104b6575f5ffd5b80632b7ac3f3146103835780633b521cb6146103c25780633e7e8669146103e95780633f4ba83a14610422575f5ffd5b80630f0e8870116101e65780630f0e887014610266578063200d2ed21461029a578063238efcbc14610336578063260782411461033e57806326a97b9414610347575f5ffd5b806301ed58e21461021757806306a4c9831461022c578063091954cd1461024b5780630c3f6acf1461025e575b5f5ffd5b61022a610225366004612814565b6106ab565b005b5f546001600160401b03165b6040519081526020015b60405180910390f35b61022a61025936600461283e565b61086c565b600154610238565b61028d7f000000000000000000000000000000000000000000000000000000000000000081565b604051610242919061287f565b6102a2610901565b60405161024291905f610120820190506001600160401b0383511682526001600160401b036020840151166020830152604083015160408301526060830151606083015260808301511515608083015260a083015160a083015260c0830151805160c08401526001600160401b0360208201511660e08401526001600160401b036040820151166101008401525092915050565b61022a6109da565b61023861271081565b61036e7f000000000000000000000000000000000000000000000000000000000000000081565b60405163ffffffff9091168152602001610242565b6103aa7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610242565b6103aa7f000000000000000000000000000000000000000000000000000000000000000081565b6104107f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff9091168152602001610242565b61022a610a5c565b6104517f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160401b039091168152602001610242565b6008546103aa906001600160a01b031681565b6104517f000000000000000000000000000000000000000000000000000000000000000081565b6006546103aa906001600160a01b031681565b6104cb5f54600160401b900460ff1660021490565b6040519015158152602001610242565b6104517f000000000000000000000000000000000000000000000000000000000000000081565b6009546103aa906001600160a01b031681565b6102386001600160fd1b0381565b61022a610afd565b6102386105393660046128a5565b610bb9565b6102387f000000000000000000000000000000000000000000000000000000000000000081565b6102386105733660046128a5565b610bfa565b6102387f000000000000000000000000000000000000000000000000000000000000000081565b61022a610c9d565b61022a6105b5366004612814565b610d1f565b6102387f000000000000000000000000000000000000000000000000000000000000000081565b6105e9611057565b60405161024291906128bc565b61022a61060436600461283e565b6110ca565b61022a610617366004612913565b611146565b61022a61062a366004612814565b611209565b6007546103aa906001600160a01b031681565b6106556106503660046128a5565b6112ac565b604080516001600160a01b03909616865260ff948516602087015263ffffffff909316928501929092529190911660608301521515608082015260a001610242565b6102385f516020612e5a5f395f51905f5281565b6006546001600160a01b031633146106d657604051632d5be4cb60e21b815260040160405180910390fd5b5f516020612e5a5f395f51905f52821061070b57604051632051490960e21b8152600481018390526024015b60405180910390fd5b5f8054610722906001600160401b031660026129c1565b905080826001600160401b03161015610760576040516350be463b60e11b8152600481018290526001600160401b0383166024820152604401610702565b5f61078b7f0000000000000000000000000000000000000000000000000000000000000000426129d4565b604080516060810182528681526001600160401b0386811660208301819052848216929093018290526004889055600580546001600160801b031916909317600160401b8302179092559192507f1e0bd410d06ac54cbd51c2cc0db2951d5e73af15ff47c935ae29241e51a915a39186918691859161082e917f0000000000000000000000000000000000000000000000000000000000000000909116906129c1565b60405161085e94939291909384526001600160401b03928316602085015291166040830152606082015260800190565b60405180910390a150505050565b6008546001600160a01b0316331480159061089257506006546001600160a01b03163314155b156108b05760405163404ead7760e11b815260040160405180910390fd5b600980546001600160a01b0319166001600160a01b03838116918217909255600854604051919216907f112d7ce5d0717de1e8d403be44596423dc61e85438d8ba49eaf0d31b1992bce0905f90a350565b6109536040805160e0810182525f808252602080830182905282840182905260608084018390526080840183905260a0840183905284519081018552828152908101829052928301529060c082015290565b5f546001600160401b038082168352600160481b90910416602082015260015460408201526109806113c0565b506060828101919091525f54600260ff600160401b9283900416811460808501525460a084015260408051928301815260045483526005546001600160401b0380821660208601529290049091169082015260c082015290565b6007546001600160a01b03163314610a0557604051632f8a273f60e21b815260040160405180910390fd5b60065460405133916001600160a01b0316907f5f56bee8cffbe9a78652a74a60705edede02af10b0bbb888ca44b79a0d42ce80905f90a3600680546001600160a01b03199081163317909155600780549091169055565b6006546001600160a01b03163314610a8757604051632d5be4cb60e21b815260040160405180910390fd5b5f54600160401b900460ff16600214610ab357604051636cd6020160e01b815260040160405180910390fd5b5f805460ff60401b1916600160401b17815560405190815233907fb10cf107ab53f31a52bd0f36488303c6c8a0dc518d7673e408e81cebf1cd544d906020015b60405180910390a2565b6008546001600160a01b03163314801590610b2357506006546001600160a01b03163314155b15610b415760405163404ead7760e11b815260040160405180910390fd5b5f54600119600160401b90910460ff1601610b6f576040516313d0ff5960e31b815260040160405180910390fd5b5f805460ff60401b1916680200000000000000001790556040516001815233907fb10cf107ab53f31a52bd0f36488303c6c8a0dc518d7673e408e81cebf1cd544d90602001610af3565b5f80546001600160401b0316821115610be8576040516380cfe51760e01b815260048101839052602401610702565b505f908152600a602052604090205490565b6003545f9081905b6001610c0e83836129f3565b1115610c71575f6002610c2183856129c1565b610c2b9190612a1a565b90508460038281548110610c4157610c41612a2d565b5f9182526020909120600290910201546001600160401b031611610c6757809250610c6b565b8091505b50610c02565b60038281548110610c8457610c84612a2d565b905f5260205f2090600202016001015492505050919050565b6009546001600160a01b03163314610cc857604051638a04d22960e01b815260040160405180910390fd5b60085460405133916001600160a01b0316907f9fe65984b511eb7998b3cd481cfd80c807fcc7f28721a790d33c87dc9c879485905f90a3600880546001600160a01b03199081163317909155600980549091169055565b6006546001600160a01b03163314610d4a57604051632d5be4cb60e21b815260040160405180910390fd5b5f610d558383611456565b905080604001516001600160401b0316421015610d9c576040808201519051630fd2e35b60e41b81526001600160401b039091166004820152426024820152604401610702565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160401b031682604001516001600160401b0316610ddf91906129c1565b905080421115610e0b5760405163983cf93d60e01b815260048101829052426024820152604401610702565b5f5460208301516001600160401b0391821691168110610e575760208301516040516339d3303b60e01b81526001600160401b0391821660048201529082166024820152604401610702565b5f8054610e7290600160881b900463ffffffff1660016129c1565b90505b60035481108015610ecf575083602001516001600160401b031660036001600380549050610ea391906129f3565b81548110610eb357610eb3612a2d565b5f9182526020909120600290910201546001600160401b031610155b15610f12576003805480610ee557610ee5612a41565b5f8281526020812060025f1990930192830201805467ffffffffffffffff19168155600101559055610e75565b604080518082019091526020858101516001600160401b0390811683528651918301918252600380546001810182555f82905293517fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b6002909502948501805467ffffffffffffffff1916919093161790915590517fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85c90920191909155805482908110610fc157610fc1612a2d565b5f918252602080832060029290920290910154825467ffffffffffffffff60a81b19166001600160401b03918216600160a81b02178355600492909255600580546001600160801b0319169055855186820151604080519283529316918101919091527fb2381eade0845c5858220346fe0a98c944945e3ba1f1c8adbbf5a2c9ff692da2910160405180910390a1505050505050565b60606003805480602002602001604051908101604052809291908181526020015f905b828210156110c1575f848152602090819020604080518082019091526002850290910180546001600160401b0316825260019081015482840152908352909201910161107a565b50505050905090565b6006546001600160a01b031633146110f557604051632d5be4cb60e21b815260040160405180910390fd5b600780546001600160a01b0319166001600160a01b03838116918217909255600654604051919216907f1c4bb4e3cab7b72da7eb9f0ae62554dda85dc7fb907c946ad2776095b95ac1ad905f90a350565b5f5f61115185611537565b90925090505f61117c61116760e0880188612a55565b61117760608a0160408b01612a9a565b6118b4565b9050611186611985565b5f611192878584611ac3565b90506111f56001600160fd1b036002836040516111af9190612aca565b602060405180830381855afa1580156111ca573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906111ed9190612ad5565b168787611ca7565b611200878483611f65565b50505050505050565b6006546001600160a01b0316331461123457604051632d5be4cb60e21b815260040160405180910390fd5b5f61123f8383611456565b5f600455600580546001600160801b0319169055805160208201516040519293507f7c41b459dc71e42d9c8413ad0079d0a19b31e18ab9fb49082b826577e005f3fc9261129f9291909182526001600160401b0316602082015260400190565b60405180910390a1505050565b5f5f5f5f5f7f000000000000000000000000000000000000000000000000000000000000000086106112f45760405163659f13b960e11b815260048101879052602401610702565b5f61139761130061220c565b888151811061131157611311612a2d565b60200260200101516040805160a0810182525f80825260208201819052918101829052606081018290526080810191909152506040805160a080820183526001600160a01b038416825263ffffffff9084901c16602082015260ff60c084901c81169282019290925260c883901c82161515606082015260d09290921c16608082015290565b8051608082015160208301516040840151606090940151929b919a509850919650945092505050565b5f8054600160881b810463ffffffff1690600160a81b90046001600160401b03161580159061141457505f54611400906001600160401b031660016129c1565b5f54600160a81b90046001600160401b0316145b156114255761142281612aec565b90505b60035f527fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85c60028202015492909150565b604080516060810182525f8082526020820181905291810191909152506040805160608101825260045481526005546001600160401b038082166020840152600160401b90910416918101829052905f036114c457604051637420adf960e11b815260040160405180910390fd5b8051831415806114ea5750816001600160401b031681602001516001600160401b031614155b1561153157805160208201516040516303ab342d60e51b8152600481018690526001600160401b038086166024830152604482019390935291166064820152608401610702565b92915050565b5f80548190600119600160401b90910460ff1601611568576040516313d0ff5960e31b815260040160405180910390fd5b5f805461157f906001600160401b031660016129c1565b90508061158f6020860186612a9a565b6001600160401b0316146115d657806115ab6020860186612a9a565b604051637ed8843760e01b815260048101929092526001600160401b03166024820152604401610702565b5f54600160481b90046001600160401b03166115f86040860160208701612a9a565b6001600160401b031614611654575f54600160481b90046001600160401b03166116286040860160208701612a9a565b60405163415449e960e11b81526001600160401b03928316600482015291166024820152604401610702565b426116656060860160408701612a9a565b6001600160401b031611156116af576116846060850160408601612a9a565b604051631952903160e21b81526001600160401b039091166004820152426024820152604401610702565b6116bf6040850160208601612a9a565b6001600160401b03166116d86060860160408701612a9a565b6001600160401b031611611732576116f66040850160208601612a9a565b6117066060860160408701612a9a565b604051632a6ba50960e11b81526001600160401b03928316600482015291166024820152604401610702565b5f516020612e5a5f395f51905f5284606001351061176957604051632051490960e21b815260608501356004820152602401610702565b5f516020612e5a5f395f51905f528460800135106117a057604051632051490960e21b815260808501356004820152602401610702565b5f516020612e5a5f395f51905f528460a00135106117d757604051632051490960e21b815260a08501356004820152602401610702565b7f00000000000000000000000000000000000000000000000000000000000000008061180660e0870187612a55565b905014158061182457508061181f610100870187612a55565b905014155b8061183e575080611839610120870187612a55565b905014155b156118a1578061185160e0870187612a55565b9050611861610100880188612a55565b9050611871610120890189612a55565b604051634a4e2efb60e01b8152600481019590955260248501939093525060448301526064820152608401610702565b6118a96113c0565b935093505050915091565b606082806001600160401b038111156118cf576118cf612b10565b6040519080825280602002602001820160405280156118f8578160200160208202803683370190505b5091505f61190461220c565b90505f5b8281101561197b576119568161192984848151811061131157611311612a2d565b89898581811061193b5761193b612a2d565b90506020020160208101906119509190612b3b565b886122a6565b84828151811061196857611968612a2d565b6020908102919091010152600101611908565b5050509392505050565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0381166119b75750565b5f5f826001600160a01b031663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa925050508015611a13575060408051601f3d908101601f19168201909252611a1091810190612b56565b60015b611a2f5760405162032b3d60e81b815260040160405180910390fd5b509194509250505081151580611a43575080155b15611a605760405162032b3d60e81b815260040160405180910390fd5b42811180611a9d575063ffffffff7f000000000000000000000000000000000000000000000000000000000000000016611a9a82426129f3565b11155b15611abe5760405163c404ee0760e01b815260048101829052602401610702565b505050565b80516060905f611ad4826018612baa565b6001600160401b03811115611aeb57611aeb612b10565b6040519080825280601f01601f191660200182016040528015611b15576020820181803683370190505b5090505f5b82811015611b59575f858281518110611b3557611b35612a2d565b602002602001015190508060c01b8260080260208501015250806001019050611b1a565b505f5b82811015611bba575f611b73610100890189612a55565b83818110611b8357611b83612a2d565b9050602002016020810190611b989190612a9a565b60c01b6001600160c01b03191660208386016008028501015250600101611b5c565b505f5b82811015611c1e575f611bd4610120890189612a55565b83818110611be457611be4612a2d565b9050602002016020810190611bf99190612a9a565b60c01b6001600160c01b03191660206002860284016008028501015250600101611bbd565b5060015485906060880135608089013560a08a0135611c4360e08c0160c08d01612a9a565b611c5060208d018d612a9a565b611c6060408e0160208f01612a9a565b8d6040016020810190611c739190612a9a565b89604051602001611c8d9a99989796959493929190612bc1565b604051602081830303815290604052925050509392505050565b60605f7f00000000000000000000000000000000000000000000000000000000000000006001811115611cdc57611cdc61286b565b03611d9c575f6020611cee8185612c31565b611cf99060206129f3565b611d039190612c31565b90507f8d8f8a5ce5297a546fc43b520570c3606ddf265a09f3bc6620fae32c0150a605604086858781866001600160401b03811115611d4457611d44612b10565b6040519080825280601f01601f191660200182016040528015611d6e576020820181803683370190505b50604051602001611d859796959493929190612c44565b604051602081830303815290604052915050611e48565b6040805160018082528183019092525f916020808301908036833701905050905084815f81518110611dd057611dd0612a2d565b6020026020010181815250507f7e4f7a8a3016bf75945a95ae04e6678ed3bb4fb93fae55a684467fa45acd6b39848483604051602401611e1293929190612c8b565b60408051601f198184030181529190526020810180516001600160e01b03166001600160e01b0319909316929092179091529150505b5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031683604051611e829190612aca565b5f60405180830381855afa9150503d805f8114611eba576040519150601f19603f3d011682016040523d82523d5f602084013e611ebf565b606091505b509150915081611ee25760405163c3b0d8cd60e01b815260040160405180910390fd5b60017f00000000000000000000000000000000000000000000000000000000000000006001811115611f1657611f1661286b565b03611f5d57602081511080611f3f575080806020019051810190611f3a9190612ad5565b600114155b15611f5d5760405163c3b0d8cd60e01b815260040160405180910390fd5b505050505050565b5f611f7360e0850185612a55565b91505f9050611f8382600a612baa565b6001600160401b03811115611f9a57611f9a612b10565b6040519080825280601f01601f191660200182016040528015611fc4576020820181803683370190505b5090505f5b82811015612024575f611fdf60e0880188612a55565b83818110611fef57611fef612a2d565b90506020020160208101906120049190612b3b565b60b01b6001600160b01b0319166020600a84028501015250600101611fc9565b505f600254848360405160200161203d93929190612d03565b60405160208183030381529060405290505f818051906020012090508660800135600a5f895f0160208101906120739190612a9a565b6001600160401b031681526020808201929092526040015f2091909155606088013560015560028290556120a990880188612a9a565b5f805467ffffffffffffffff19166001600160401b03929092169190911790556120d96060880160408901612a9a565b5f80546001600160401b0392909216600160481b0270ffffffffffffffff00000000000000000019909216919091179081905563ffffffff878116600160881b90920416146121b5575f805463ffffffff60881b1916600160881b63ffffffff891690810291909117825561214f9060016129c1565b6003549091508110612161575f61218e565b6003818154811061217457612174612a2d565b5f9182526020909120600290910201546001600160401b03165b5f60156101000a8154816001600160401b0302191690836001600160401b03160217905550505b806121c36020890189612a9a565b6001600160401b03167f9e836798fb849cc56359c3151d4b8bb20d5554375f8c9e4ba997fff4ac625a2c846040516121fb9190612d26565b60405180910390a350505050505050565b60607f0000000000000000000000000000000000000000000000000000000000000000806001600160401b0381111561224757612247612b10565b604051908082528060200260200182016040528015612270578160200160208202803683370190505b5091507f00000000000000000000000000000000000000000000000000000000000000006020828102906001908501833c505090565b8251604051639a6fc8f560e01b81526001600160501b03841660048201525f91829182916001600160a01b031690639a6fc8f59060240160a060405180830381865afa925050508015612316575060408051601f3d908101601f1916820190925261231391810190612b56565b60015b61234557604051633acf23c160e01b8152600481018890526001600160501b0386166024820152604401610702565b896001600160501b0316856001600160501b0316141580612364575081155b1561239457604051633acf23c160e01b8152600481018d90526001600160501b038b166024820152604401610702565b5091945090925050505f82136123d6576040516372bc4b4d60e11b8152600481018890526001600160501b038616602482015260448101839052606401610702565b428111156124105760405163605bc85560e11b8152600481018890526001600160501b038616602482015260448101829052606401610702565b836001600160401b03168111156124625760405163ea98b8c560e01b8152600481018890526001600160501b0386166024820152604481018290526001600160401b0385166064820152608401610702565b602086015163ffffffff16612480826001600160401b0387166129f3565b11156124c757604051637633219960e01b8152600481018890526001600160501b0386166024820152604481018290526001600160401b0385166064820152608401610702565b6124d687875f01518787612532565b5f5f6124eb8489604001518a606001516126d4565b9150915081612526576040516325b1f1e960e11b8152600481018a90526001600160501b038816602482015260448101859052606401610702565b98975050505050505050565b61ffff604083901c165f6125478260016129c1565b9050846001600160a01b031663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa9250505080156125a3575060408051601f3d908101601f191682019092526125a091810190612b56565b60015b156125e357886001600160501b0316856001600160501b0316036125cd57505050505050506126ce565b6040856001600160501b0316901c955050505050505b5f80806001600160401b038781161461261b5761260a6001600160501b03881660016129c1565b92506126168884612766565b925090505b5f6126278660016129c1565b90505b811580156126385750848111155b8015612646575061ffff8111155b1561267357604081901b600117935061265f8985612766565b9350915061266c81612d5b565b905061262a565b5080801561268a5750856001600160401b03168211155b156126c8576040516390128f5d60e01b8152600481018a90526001600160501b03881660248201526044810184905260648101839052608401610702565b50505050505b50505050565b5f5f5f85136126e757505f90508061275e565b845f6126f760ff8716600a612e4e565b90508415612710576127098183612a1a565b9250612743565b612721816001600160401b03612a1a565b821115612736575f5f1993509350505061275e565b6127408183612baa565b92505b821580159061275957506001600160401b038311155b935050505b935093915050565b604051639a6fc8f560e01b81526001600160501b03821660048201525f9081906001600160a01b03851690639a6fc8f59060240160a060405180830381865afa9250505080156127d3575060408051601f3d908101601f191682019092526127d091810190612b56565b60015b6127e157505f9050806127f2565b50801515955093506127f292505050565b9250929050565b80356001600160401b038116811461280f575f5ffd5b919050565b5f5f60408385031215612825575f5ffd5b82359150612835602084016127f9565b90509250929050565b5f6020828403121561284e575f5ffd5b81356001600160a01b0381168114612864575f5ffd5b9392505050565b634e487b7160e01b5f52602160045260245ffd5b602081016002831061289f57634e487b7160e01b5f52602160045260245ffd5b91905290565b5f602082840312156128b5575f5ffd5b5035919050565b602080825282518282018190525f918401906040840190835b8181101561290857835180516001600160401b0316845260209081015181850152909301926040909201916001016128d5565b509095945050505050565b5f5f5f60408486031215612925575f5ffd5b83356001600160401b0381111561293a575f5ffd5b8401610140818703121561294c575f5ffd5b925060208401356001600160401b03811115612966575f5ffd5b8401601f81018613612976575f5ffd5b80356001600160401b0381111561298b575f5ffd5b86602082840101111561299c575f5ffd5b939660209190910195509293505050565b634e487b7160e01b5f52601160045260245ffd5b80820180821115611531576115316129ad565b6001600160401b038181168382160190811115611531576115316129ad565b81810381811115611531576115316129ad565b634e487b7160e01b5f52601260045260245ffd5b5f82612a2857612a28612a06565b500490565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52603160045260245ffd5b5f5f8335601e19843603018112612a6a575f5ffd5b8301803591506001600160401b03821115612a83575f5ffd5b6020019150600581901b36038213156127f2575f5ffd5b5f60208284031215612aaa575f5ffd5b612864826127f9565b5f81518060208401855e5f93019283525090919050565b5f6128648284612ab3565b5f60208284031215612ae5575f5ffd5b5051919050565b5f63ffffffff821663ffffffff8103612b0757612b076129ad565b60010192915050565b634e487b7160e01b5f52604160045260245ffd5b6001600160501b0381168114612b38575f5ffd5b50565b5f60208284031215612b4b575f5ffd5b813561286481612b24565b5f5f5f5f5f60a08688031215612b6a575f5ffd5b8551612b7581612b24565b60208701516040880151606089015160808a015193985091965094509250612b9c81612b24565b809150509295509295909350565b8082028115828204841417611531576115316129ad565b8a8152602081018a905260408101899052606081018890526080810187905260c086811b6001600160c01b031990811660a084015286821b811660a884015285821b811660b084015284821b1660b88301525f90612c2190830184612ab3565b9c9b505050505050505050505050565b5f82612c3f57612c3f612a06565b500690565b63ffffffff60e01b88168152866004820152856024820152846044820152828460648301375f6064848301015f8152612c7d8185612ab3565b9a9950505050505050505050565b60408152826040820152828460608301375f606084830101525f601f19601f85011682016060810160608483030160208501528085518083526080840191506020870193505f92505b80831015612cf75783518252602082019150602084019350600183019250612cd4565b50979650505050505050565b8381525f612d1d612d176020840186612ab3565b84612ab3565b95945050505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f60018201612d6c57612d6c6129ad565b5060010190565b6001815b600184111561275e57808504811115612d9257612d926129ad565b6001841615612da057908102905b60019390931c928002612d77565b5f82612dbc57506001611531565b81612dc857505f611531565b8160018114612dde5760028114612de857612e04565b6001915050611531565b60ff841115612df957612df96129ad565b50506001821b611531565b5060208310610133831016604e8410600b8410161715612e27575081810a611531565b612e335f198484612d73565b805f1904821115612e4657612e466129ad565b029392505050565b5f6128648383612dae56fe30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001a2646970667358221220a593e342a2981a663837e1043347370627beda9a3bb1a43da402ab11de47e47864736f6c6343000825003330644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001",
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

// PackHASHMASK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x779ec8d7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function HASH_MASK() view returns(uint256)
func (epochRegistry *EpochRegistry) PackHASHMASK() []byte {
	enc, err := epochRegistry.abi.Pack("HASH_MASK")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHASHMASK is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x779ec8d7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function HASH_MASK() view returns(uint256)
func (epochRegistry *EpochRegistry) TryPackHASHMASK() ([]byte, error) {
	return epochRegistry.abi.Pack("HASH_MASK")
}

// UnpackHASHMASK is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x779ec8d7.
//
// Solidity: function HASH_MASK() view returns(uint256)
func (epochRegistry *EpochRegistry) UnpackHASHMASK(data []byte) (*big.Int, error) {
	out, err := epochRegistry.abi.Unpack("HASH_MASK", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
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
// the contract method with ID 0xde68eab2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelPolicy(uint256 commitment, uint64 fromEpoch) returns()
func (epochRegistry *EpochRegistry) PackCancelPolicy(commitment *big.Int, fromEpoch uint64) []byte {
	enc, err := epochRegistry.abi.Pack("cancelPolicy", commitment, fromEpoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelPolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xde68eab2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelPolicy(uint256 commitment, uint64 fromEpoch) returns()
func (epochRegistry *EpochRegistry) TryPackCancelPolicy(commitment *big.Int, fromEpoch uint64) ([]byte, error) {
	return epochRegistry.abi.Pack("cancelPolicy", commitment, fromEpoch)
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
// the contract method with ID 0xb7a20a44.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function executePolicy(uint256 commitment, uint64 fromEpoch) returns()
func (epochRegistry *EpochRegistry) PackExecutePolicy(commitment *big.Int, fromEpoch uint64) []byte {
	enc, err := epochRegistry.abi.Pack("executePolicy", commitment, fromEpoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExecutePolicy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7a20a44.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function executePolicy(uint256 commitment, uint64 fromEpoch) returns()
func (epochRegistry *EpochRegistry) TryPackExecutePolicy(commitment *big.Int, fromEpoch uint64) ([]byte, error) {
	return epochRegistry.abi.Pack("executePolicy", commitment, fromEpoch)
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
	Record     []byte
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
// Solidity: event EpochRecorded(uint256 indexed epoch, bytes32 indexed recordHash, bytes record)
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
	if bytes.Equal(raw[:4], epochRegistry.abi.Errors["PolicyNotQueued"].ID.Bytes()[:4]) {
		return epochRegistry.UnpackPolicyNotQueuedError(raw[4:])
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

// EpochRegistryPolicyNotQueued represents a PolicyNotQueued error raised by the EpochRegistry contract.
type EpochRegistryPolicyNotQueued struct {
	Commitment       *big.Int
	FromEpoch        *big.Int
	QueuedCommitment *big.Int
	QueuedFromEpoch  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PolicyNotQueued(uint256 commitment, uint256 fromEpoch, uint256 queuedCommitment, uint256 queuedFromEpoch)
func EpochRegistryPolicyNotQueuedErrorID() common.Hash {
	return common.HexToHash("0x756685a0aa98d7cd7a76b7537732d7c6e726de803cba1442b4dd33b6398362c2")
}

// UnpackPolicyNotQueuedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PolicyNotQueued(uint256 commitment, uint256 fromEpoch, uint256 queuedCommitment, uint256 queuedFromEpoch)
func (epochRegistry *EpochRegistry) UnpackPolicyNotQueuedError(raw []byte) (*EpochRegistryPolicyNotQueued, error) {
	out := new(EpochRegistryPolicyNotQueued)
	if err := epochRegistry.abi.UnpackIntoInterface(out, "PolicyNotQueued", raw); err != nil {
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

// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package mockaggregator

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

// MockAggregatorMetaData contains all meta data concerning the MockAggregator contract.
var MockAggregatorMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"decimals_\",\"type\":\"uint8\"},{\"internalType\":\"int256\",\"name\":\"answer_\",\"type\":\"int256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestRoundData\",\"outputs\":[{\"internalType\":\"uint80\",\"name\":\"roundId\",\"type\":\"uint80\"},{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"},{\"internalType\":\"uint256\",\"name\":\"startedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint80\",\"name\":\"answeredInRound\",\"type\":\"uint80\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"answer_\",\"type\":\"int256\"}],\"name\":\"setAnswer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"decimals_\",\"type\":\"uint8\"}],\"name\":\"setDecimals\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"answer_\",\"type\":\"int256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt_\",\"type\":\"uint256\"}],\"name\":\"setRoundData\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "MockAggregator",
	Bin: "0x608060405234801561000f575f5ffd5b5060405161035038038061035083398101604081905261002e9161009f565b5f805460ff191660ff8416179055610046814261004d565b5050610101565b60015f60018282829054906101000a90046001600160501b031661007191906100d0565b82546001600160501b039182166101009390930a928302919092021990911617905550600191909155600255565b5f5f604083850312156100b0575f5ffd5b825160ff811681146100c0575f5ffd5b6020939093015192949293505050565b6001600160501b0381811683821601908111156100fb57634e487b7160e01b5f52601160045260245ffd5b92915050565b6102428061010e5f395ff3fe608060405234801561000f575f5ffd5b5060043610610055575f3560e01c8063313ce5671461005957806362cbca241461007c5780637a1395aa1461009157806399213cd8146100b4578063feaf968c146100c7575b5f5ffd5b5f546100659060ff1681565b60405160ff90911681526020015b60405180910390f35b61008f61008a36600461017a565b610107565b005b61008f61009f36600461019a565b5f805460ff191660ff92909216919091179055565b61008f6100c23660046101c1565b610115565b5f546001546002546040805161010090940469ffffffffffffffffffff16808552602085019390935283018190526060830152608082015260a001610073565b6101118282610122565b5050565b61011f8142610122565b50565b60015f60018282829054906101000a900469ffffffffffffffffffff1661014991906101d8565b825469ffffffffffffffffffff9182166101009390930a928302919092021990911617905550600191909155600255565b5f5f6040838503121561018b575f5ffd5b50508035926020909101359150565b5f602082840312156101aa575f5ffd5b813560ff811681146101ba575f5ffd5b9392505050565b5f602082840312156101d1575f5ffd5b5035919050565b69ffffffffffffffffffff818116838216019081111561020657634e487b7160e01b5f52601160045260245ffd5b9291505056fea2646970667358221220493a7f88bab5942609e9cc0825864b47932956c0880c8643220c9708c153c6dc64736f6c63430008250033",
}

// MockAggregator is an auto generated Go binding around an Ethereum contract.
type MockAggregator struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MockAggregator) GetABI() abi.ABI {
	return c.abi
}

// NewMockAggregator creates a new instance of MockAggregator.
func NewMockAggregator() *MockAggregator {
	parsed, err := MockAggregatorMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MockAggregator{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MockAggregator) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint8 decimals_, int256 answer_) returns()
func (mockAggregator *MockAggregator) PackConstructor(decimals_ uint8, answer_ *big.Int) []byte {
	enc, err := mockAggregator.abi.Pack("", decimals_, answer_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (mockAggregator *MockAggregator) PackDecimals() []byte {
	enc, err := mockAggregator.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() view returns(uint8)
func (mockAggregator *MockAggregator) TryPackDecimals() ([]byte, error) {
	return mockAggregator.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (mockAggregator *MockAggregator) UnpackDecimals(data []byte) (uint8, error) {
	out, err := mockAggregator.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackLatestRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfeaf968c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestRoundData() view returns(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (mockAggregator *MockAggregator) PackLatestRoundData() []byte {
	enc, err := mockAggregator.abi.Pack("latestRoundData")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatestRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfeaf968c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latestRoundData() view returns(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (mockAggregator *MockAggregator) TryPackLatestRoundData() ([]byte, error) {
	return mockAggregator.abi.Pack("latestRoundData")
}

// LatestRoundDataOutput serves as a container for the return parameters of contract
// method LatestRoundData.
type LatestRoundDataOutput struct {
	RoundId         *big.Int
	Answer          *big.Int
	StartedAt       *big.Int
	UpdatedAt       *big.Int
	AnsweredInRound *big.Int
}

// UnpackLatestRoundData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfeaf968c.
//
// Solidity: function latestRoundData() view returns(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (mockAggregator *MockAggregator) UnpackLatestRoundData(data []byte) (LatestRoundDataOutput, error) {
	out, err := mockAggregator.abi.Unpack("latestRoundData", data)
	outstruct := new(LatestRoundDataOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.RoundId = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Answer = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.StartedAt = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.UpdatedAt = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.AnsweredInRound = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackSetAnswer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x99213cd8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setAnswer(int256 answer_) returns()
func (mockAggregator *MockAggregator) PackSetAnswer(answer *big.Int) []byte {
	enc, err := mockAggregator.abi.Pack("setAnswer", answer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetAnswer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x99213cd8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setAnswer(int256 answer_) returns()
func (mockAggregator *MockAggregator) TryPackSetAnswer(answer *big.Int) ([]byte, error) {
	return mockAggregator.abi.Pack("setAnswer", answer)
}

// PackSetDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a1395aa.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setDecimals(uint8 decimals_) returns()
func (mockAggregator *MockAggregator) PackSetDecimals(decimals uint8) []byte {
	enc, err := mockAggregator.abi.Pack("setDecimals", decimals)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a1395aa.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setDecimals(uint8 decimals_) returns()
func (mockAggregator *MockAggregator) TryPackSetDecimals(decimals uint8) ([]byte, error) {
	return mockAggregator.abi.Pack("setDecimals", decimals)
}

// PackSetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x62cbca24.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRoundData(int256 answer_, uint256 updatedAt_) returns()
func (mockAggregator *MockAggregator) PackSetRoundData(answer *big.Int, updatedAt *big.Int) []byte {
	enc, err := mockAggregator.abi.Pack("setRoundData", answer, updatedAt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x62cbca24.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRoundData(int256 answer_, uint256 updatedAt_) returns()
func (mockAggregator *MockAggregator) TryPackSetRoundData(answer *big.Int, updatedAt *big.Int) ([]byte, error) {
	return mockAggregator.abi.Pack("setRoundData", answer, updatedAt)
}

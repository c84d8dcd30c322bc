// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package mockaggregatorproxy

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

// MockAggregatorProxyMetaData contains all meta data concerning the MockAggregatorProxy contract.
var MockAggregatorProxyMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"aggregator_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint16\",\"name\":\"phaseId\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"aggregator\",\"type\":\"address\"}],\"name\":\"AggregatorConfirmed\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"aggregator\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint80\",\"name\":\"_roundId\",\"type\":\"uint80\"}],\"name\":\"getRoundData\",\"outputs\":[{\"internalType\":\"uint80\",\"name\":\"roundId\",\"type\":\"uint80\"},{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"},{\"internalType\":\"uint256\",\"name\":\"startedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint80\",\"name\":\"answeredInRound\",\"type\":\"uint80\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestRoundData\",\"outputs\":[{\"internalType\":\"uint80\",\"name\":\"roundId\",\"type\":\"uint80\"},{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"},{\"internalType\":\"uint256\",\"name\":\"startedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint80\",\"name\":\"answeredInRound\",\"type\":\"uint80\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"name\":\"phaseAggregators\",\"outputs\":[{\"internalType\":\"contractAggregatorRounds\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"phaseId\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"aggregator_\",\"type\":\"address\"}],\"name\":\"setAggregator\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "MockAggregatorProxy",
	Bin: "0x608060405234801561000f575f5ffd5b506040516106d03803806106d083398101604081905261002e916100db565b6100378161003d565b50610134565b5f805461004f9061ffff166001610108565b60408051808201825261ffff83168082526001600160a01b03861660209283018190525f80546001600160b01b03191683176201000083021781558281526001845284902080546001600160a01b0319168217905592519283529293507f80678d6aee5bd8087cb8a99d3f2169c8f82c8c1aa7b0643d5defa18d3befc593910160405180910390a25050565b5f602082840312156100eb575f5ffd5b81516001600160a01b0381168114610101575f5ffd5b9392505050565b61ffff818116838216019081111561012e57634e487b7160e01b5f52601160045260245ffd5b92915050565b61058f806101415f395ff3fe608060405234801561000f575f5ffd5b506004361061007a575f3560e01c80639a6fc8f5116100585780639a6fc8f5146100dc578063c159730414610126578063f9120af61461014e578063feaf968c14610163575f5ffd5b8063245a7bfc1461007e578063313ce567146100ad57806358303b10146100c7575b5f5ffd5b5f546201000090046001600160a01b03165b6040516001600160a01b0390911681526020015b60405180910390f35b6100b561016b565b60405160ff90911681526020016100a4565b5f5460405161ffff90911681526020016100a4565b6100ef6100ea366004610456565b6101e7565b6040805169ffffffffffffffffffff968716815260208101959095528401929092526060830152909116608082015260a0016100a4565b610090610134366004610478565b60016020525f90815260409020546001600160a01b031681565b61016161015c366004610499565b6102af565b005b6100ef61034d565b5f5f5f0160029054906101000a90046001600160a01b03166001600160a01b031663313ce5676040518163ffffffff1660e01b8152600401602060405180830381865afa1580156101be573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906101e291906104bf565b905090565b604081811c61ffff165f8181526001602052828120549251639a6fc8f560e01b815267ffffffffffffffff85166004820152909283928392839283929188916001600160a01b031690639a6fc8f59060240160a060405180830381865afa158015610254573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061027891906104df565b939a5091985096509450925061028e8288610418565b86868661029b8688610418565b939c929b5090995097509095509350505050565b5f80546102c19061ffff166001610533565b60408051808201825261ffff83168082526001600160a01b03861660209283018190525f80546001600160b01b03191683176201000083021781558281526001845284902080546001600160a01b0319168217905592519283529293507f80678d6aee5bd8087cb8a99d3f2169c8f82c8c1aa7b0643d5defa18d3befc593910160405180910390a25050565b6040805180820182525f805461ffff811683526201000090046001600160a01b0316602083018190528351633fabe5a360e21b8152935191938493849384938493909163feaf968c9160048082019260a0929091908290030181865afa1580156103b9573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103dd91906104df565b8551949a50929850909650945092506103f69087610418565b858585610406855f015187610418565b95509550955095509550509091929394565b69ffff0000000000000000604083901b1667ffffffffffffffff8216175b92915050565b69ffffffffffffffffffff81168114610453575f5ffd5b50565b5f60208284031215610466575f5ffd5b81356104718161043c565b9392505050565b5f60208284031215610488575f5ffd5b813561ffff81168114610471575f5ffd5b5f602082840312156104a9575f5ffd5b81356001600160a01b0381168114610471575f5ffd5b5f602082840312156104cf575f5ffd5b815160ff81168114610471575f5ffd5b5f5f5f5f5f60a086880312156104f3575f5ffd5b85516104fe8161043c565b60208701516040880151606089015160808a0151939850919650945092506105258161043c565b809150509295509295909350565b61ffff818116838216019081111561043657634e487b7160e01b5f52601160045260245ffdfea2646970667358221220281056ed73d5de53e174b011641b2a69ff6521893555e31282ff0afd9a6fb1fe64736f6c63430008250033",
}

// MockAggregatorProxy is an auto generated Go binding around an Ethereum contract.
type MockAggregatorProxy struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MockAggregatorProxy) GetABI() abi.ABI {
	return c.abi
}

// NewMockAggregatorProxy creates a new instance of MockAggregatorProxy.
func NewMockAggregatorProxy() *MockAggregatorProxy {
	parsed, err := MockAggregatorProxyMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MockAggregatorProxy{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MockAggregatorProxy) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address aggregator_) returns()
func (mockAggregatorProxy *MockAggregatorProxy) PackConstructor(aggregator_ common.Address) []byte {
	enc, err := mockAggregatorProxy.abi.Pack("", aggregator_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAggregator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x245a7bfc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function aggregator() view returns(address)
func (mockAggregatorProxy *MockAggregatorProxy) PackAggregator() []byte {
	enc, err := mockAggregatorProxy.abi.Pack("aggregator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAggregator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x245a7bfc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function aggregator() view returns(address)
func (mockAggregatorProxy *MockAggregatorProxy) TryPackAggregator() ([]byte, error) {
	return mockAggregatorProxy.abi.Pack("aggregator")
}

// UnpackAggregator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x245a7bfc.
//
// Solidity: function aggregator() view returns(address)
func (mockAggregatorProxy *MockAggregatorProxy) UnpackAggregator(data []byte) (common.Address, error) {
	out, err := mockAggregatorProxy.abi.Unpack("aggregator", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (mockAggregatorProxy *MockAggregatorProxy) PackDecimals() []byte {
	enc, err := mockAggregatorProxy.abi.Pack("decimals")
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
func (mockAggregatorProxy *MockAggregatorProxy) TryPackDecimals() ([]byte, error) {
	return mockAggregatorProxy.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (mockAggregatorProxy *MockAggregatorProxy) UnpackDecimals(data []byte) (uint8, error) {
	out, err := mockAggregatorProxy.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackGetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a6fc8f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRoundData(uint80 _roundId) view returns(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (mockAggregatorProxy *MockAggregatorProxy) PackGetRoundData(roundId *big.Int) []byte {
	enc, err := mockAggregatorProxy.abi.Pack("getRoundData", roundId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a6fc8f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRoundData(uint80 _roundId) view returns(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (mockAggregatorProxy *MockAggregatorProxy) TryPackGetRoundData(roundId *big.Int) ([]byte, error) {
	return mockAggregatorProxy.abi.Pack("getRoundData", roundId)
}

// GetRoundDataOutput serves as a container for the return parameters of contract
// method GetRoundData.
type GetRoundDataOutput struct {
	RoundId         *big.Int
	Answer          *big.Int
	StartedAt       *big.Int
	UpdatedAt       *big.Int
	AnsweredInRound *big.Int
}

// UnpackGetRoundData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9a6fc8f5.
//
// Solidity: function getRoundData(uint80 _roundId) view returns(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (mockAggregatorProxy *MockAggregatorProxy) UnpackGetRoundData(data []byte) (GetRoundDataOutput, error) {
	out, err := mockAggregatorProxy.abi.Unpack("getRoundData", data)
	outstruct := new(GetRoundDataOutput)
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

// PackLatestRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfeaf968c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestRoundData() view returns(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (mockAggregatorProxy *MockAggregatorProxy) PackLatestRoundData() []byte {
	enc, err := mockAggregatorProxy.abi.Pack("latestRoundData")
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
func (mockAggregatorProxy *MockAggregatorProxy) TryPackLatestRoundData() ([]byte, error) {
	return mockAggregatorProxy.abi.Pack("latestRoundData")
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
func (mockAggregatorProxy *MockAggregatorProxy) UnpackLatestRoundData(data []byte) (LatestRoundDataOutput, error) {
	out, err := mockAggregatorProxy.abi.Unpack("latestRoundData", data)
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

// PackPhaseAggregators is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc1597304.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function phaseAggregators(uint16 ) view returns(address)
func (mockAggregatorProxy *MockAggregatorProxy) PackPhaseAggregators(arg0 uint16) []byte {
	enc, err := mockAggregatorProxy.abi.Pack("phaseAggregators", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPhaseAggregators is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc1597304.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function phaseAggregators(uint16 ) view returns(address)
func (mockAggregatorProxy *MockAggregatorProxy) TryPackPhaseAggregators(arg0 uint16) ([]byte, error) {
	return mockAggregatorProxy.abi.Pack("phaseAggregators", arg0)
}

// UnpackPhaseAggregators is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc1597304.
//
// Solidity: function phaseAggregators(uint16 ) view returns(address)
func (mockAggregatorProxy *MockAggregatorProxy) UnpackPhaseAggregators(data []byte) (common.Address, error) {
	out, err := mockAggregatorProxy.abi.Unpack("phaseAggregators", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPhaseId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x58303b10.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function phaseId() view returns(uint16)
func (mockAggregatorProxy *MockAggregatorProxy) PackPhaseId() []byte {
	enc, err := mockAggregatorProxy.abi.Pack("phaseId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPhaseId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x58303b10.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function phaseId() view returns(uint16)
func (mockAggregatorProxy *MockAggregatorProxy) TryPackPhaseId() ([]byte, error) {
	return mockAggregatorProxy.abi.Pack("phaseId")
}

// UnpackPhaseId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x58303b10.
//
// Solidity: function phaseId() view returns(uint16)
func (mockAggregatorProxy *MockAggregatorProxy) UnpackPhaseId(data []byte) (uint16, error) {
	out, err := mockAggregatorProxy.abi.Unpack("phaseId", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackSetAggregator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf9120af6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setAggregator(address aggregator_) returns()
func (mockAggregatorProxy *MockAggregatorProxy) PackSetAggregator(aggregator common.Address) []byte {
	enc, err := mockAggregatorProxy.abi.Pack("setAggregator", aggregator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetAggregator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf9120af6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setAggregator(address aggregator_) returns()
func (mockAggregatorProxy *MockAggregatorProxy) TryPackSetAggregator(aggregator common.Address) ([]byte, error) {
	return mockAggregatorProxy.abi.Pack("setAggregator", aggregator)
}

// MockAggregatorProxyAggregatorConfirmed represents a AggregatorConfirmed event raised by the MockAggregatorProxy contract.
type MockAggregatorProxyAggregatorConfirmed struct {
	PhaseId    uint16
	Aggregator common.Address
	Raw        *types.Log // Blockchain specific contextual infos
}

const MockAggregatorProxyAggregatorConfirmedEventName = "AggregatorConfirmed"

// ContractEventName returns the user-defined event name.
func (MockAggregatorProxyAggregatorConfirmed) ContractEventName() string {
	return MockAggregatorProxyAggregatorConfirmedEventName
}

// UnpackAggregatorConfirmedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AggregatorConfirmed(uint16 indexed phaseId, address aggregator)
func (mockAggregatorProxy *MockAggregatorProxy) UnpackAggregatorConfirmedEvent(log *types.Log) (*MockAggregatorProxyAggregatorConfirmed, error) {
	event := "AggregatorConfirmed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mockAggregatorProxy.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MockAggregatorProxyAggregatorConfirmed)
	if len(log.Data) > 0 {
		if err := mockAggregatorProxy.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mockAggregatorProxy.abi.Events[event].Inputs {
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

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
	ABI: "[{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"decimals_\",\"type\":\"uint8\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint80\",\"name\":\"roundId\",\"type\":\"uint80\"},{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"startedAt\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"}],\"name\":\"RoundAdded\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"},{\"internalType\":\"uint64\",\"name\":\"startedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"updatedAt\",\"type\":\"uint64\"}],\"name\":\"addRound\",\"outputs\":[{\"internalType\":\"uint80\",\"name\":\"roundId\",\"type\":\"uint80\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"int256[]\",\"name\":\"answers\",\"type\":\"int256[]\"},{\"internalType\":\"uint64[]\",\"name\":\"updatedAts\",\"type\":\"uint64[]\"}],\"name\":\"addRounds\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"emptyOnMissing\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint80\",\"name\":\"roundId\",\"type\":\"uint80\"}],\"name\":\"getRoundData\",\"outputs\":[{\"internalType\":\"uint80\",\"name\":\"\",\"type\":\"uint80\"},{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"},{\"internalType\":\"uint256\",\"name\":\"startedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"updatedAt\",\"type\":\"uint256\"},{\"internalType\":\"uint80\",\"name\":\"answeredInRound\",\"type\":\"uint80\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestRound\",\"outputs\":[{\"internalType\":\"uint80\",\"name\":\"\",\"type\":\"uint80\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestRoundData\",\"outputs\":[{\"internalType\":\"uint80\",\"name\":\"\",\"type\":\"uint80\"},{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint80\",\"name\":\"\",\"type\":\"uint80\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bool\",\"name\":\"empty\",\"type\":\"bool\"}],\"name\":\"setEmptyOnMissing\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "MockAggregator",
	Bin: "0x60a0604052348015600e575f5ffd5b506040516107c13803806107c1833981016040819052602b916035565b60ff16608052605a565b5f602082840312156044575f5ffd5b815160ff811681146053575f5ffd5b9392505050565b6080516107506100715f395f608e01526107505ff3fe608060405234801561000f575f5ffd5b5060043610610085575f3560e01c806387aaaf231161005857806387aaaf23146101315780639a6fc8f514610154578063e2bc150f1461019b578063feaf968c146101ae575f5ffd5b8063313ce567146100895780633ee8cc88146100c7578063560a9d71146100f4578063668a0f0214610107575b5f5ffd5b6100b07f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff90911681526020015b60405180910390f35b6100f26100d5366004610567565b5f8054911515600160501b0260ff60501b19909216919091179055565b005b6100f26101023660046105d5565b6101b6565b5f54610119906001600160501b031681565b6040516001600160501b0390911681526020016100be565b5f5461014490600160501b900460ff1681565b60405190151581526020016100be565b610167610162366004610641565b610280565b604080516001600160501b03968716815260208101959095528401929092526060830152909116608082015260a0016100be565b6101196101a9366004610683565b61036f565b610167610539565b8281146101fc5760405162461bcd60e51b815260206004820152600f60248201526e0d8cadccee8d040dad2e6dac2e8c6d608b1b60448201526064015b60405180910390fd5b5f5b838110156102795761027085858381811061021b5761021b6106bc565b90506020020135848484818110610234576102346106bc565b905060200201602081019061024991906106d0565b85858581811061025b5761025b6106bc565b90506020020160208101906101a991906106d0565b506001016101fe565b5050505050565b6001600160501b0381165f90815260016020908152604080832081516060810183529054601781900b825263ffffffff600160c01b8204811694830194909452600160e01b90049092169082018190528291829182918291820361033d575f54600160501b900460ff166103285760405162461bcd60e51b815260206004820152600f60248201526e139bc819185d18481c1c995cd95b9d608a1b60448201526064016101f3565b865f5f5f5f9550955095509550955050610366565b8051602082015160409092015188975060179190910b955063ffffffff91821694501691508490505b91939590929450565b5f8360170b84146103b95760405162461bcd60e51b815260206004820152601460248201527330b739bbb2b9103132bcb7b7321034b73a189c9960611b60448201526064016101f3565b63ffffffff67ffffffffffffffff8416118015906103e5575063ffffffff67ffffffffffffffff831611155b6104265760405162461bcd60e51b81526020600482015260126024820152713a34b6b2903132bcb7b732103ab4b73a199960711b60448201526064016101f3565b5f5461043c906001600160501b031660016106e9565b5f80546001600160501b03831669ffffffffffffffffffff199091168117825560408051606081018252601789900b815263ffffffff808916602080840191825289831684860190815286885260019091529584902092518354915196518316600160e01b026001600160e01b0397909316600160c01b026001600160e01b03199092166001600160c01b03909116171794909416939093179092559051919250907f83f6612b49c8ae1eac21ee9d5ee430897aaee3a2cd847b6ced68209e6245755f9061052a9087908790879092835267ffffffffffffffff918216602084015216604082015260600190565b60405180910390a29392505050565b5f80548190819081908190610556906001600160501b0316610280565b945094509450945094509091929394565b5f60208284031215610577575f5ffd5b81358015158114610586575f5ffd5b9392505050565b5f5f83601f84011261059d575f5ffd5b50813567ffffffffffffffff8111156105b4575f5ffd5b6020830191508360208260051b85010111156105ce575f5ffd5b9250929050565b5f5f5f5f604085870312156105e8575f5ffd5b843567ffffffffffffffff8111156105fe575f5ffd5b61060a8782880161058d565b909550935050602085013567ffffffffffffffff811115610629575f5ffd5b6106358782880161058d565b95989497509550505050565b5f60208284031215610651575f5ffd5b81356001600160501b0381168114610586575f5ffd5b803567ffffffffffffffff8116811461067e575f5ffd5b919050565b5f5f5f60608486031215610695575f5ffd5b833592506106a560208501610667565b91506106b360408501610667565b90509250925092565b634e487b7160e01b5f52603260045260245ffd5b5f602082840312156106e0575f5ffd5b61058682610667565b6001600160501b03818116838216019081111561071457634e487b7160e01b5f52601160045260245ffd5b9291505056fea2646970667358221220cfe17e6c61dfb4a0c39327eae9c049b557ade486f430be1a5f32a22ee71c645464736f6c63430008250033",
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
// Solidity: constructor(uint8 decimals_) returns()
func (mockAggregator *MockAggregator) PackConstructor(decimals_ uint8) []byte {
	enc, err := mockAggregator.abi.Pack("", decimals_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAddRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe2bc150f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function addRound(int256 answer, uint64 startedAt, uint64 updatedAt) returns(uint80 roundId)
func (mockAggregator *MockAggregator) PackAddRound(answer *big.Int, startedAt uint64, updatedAt uint64) []byte {
	enc, err := mockAggregator.abi.Pack("addRound", answer, startedAt, updatedAt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAddRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe2bc150f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function addRound(int256 answer, uint64 startedAt, uint64 updatedAt) returns(uint80 roundId)
func (mockAggregator *MockAggregator) TryPackAddRound(answer *big.Int, startedAt uint64, updatedAt uint64) ([]byte, error) {
	return mockAggregator.abi.Pack("addRound", answer, startedAt, updatedAt)
}

// UnpackAddRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe2bc150f.
//
// Solidity: function addRound(int256 answer, uint64 startedAt, uint64 updatedAt) returns(uint80 roundId)
func (mockAggregator *MockAggregator) UnpackAddRound(data []byte) (*big.Int, error) {
	out, err := mockAggregator.abi.Unpack("addRound", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAddRounds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x560a9d71.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function addRounds(int256[] answers, uint64[] updatedAts) returns()
func (mockAggregator *MockAggregator) PackAddRounds(answers []*big.Int, updatedAts []uint64) []byte {
	enc, err := mockAggregator.abi.Pack("addRounds", answers, updatedAts)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAddRounds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x560a9d71.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function addRounds(int256[] answers, uint64[] updatedAts) returns()
func (mockAggregator *MockAggregator) TryPackAddRounds(answers []*big.Int, updatedAts []uint64) ([]byte, error) {
	return mockAggregator.abi.Pack("addRounds", answers, updatedAts)
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

// PackEmptyOnMissing is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x87aaaf23.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function emptyOnMissing() view returns(bool)
func (mockAggregator *MockAggregator) PackEmptyOnMissing() []byte {
	enc, err := mockAggregator.abi.Pack("emptyOnMissing")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEmptyOnMissing is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x87aaaf23.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function emptyOnMissing() view returns(bool)
func (mockAggregator *MockAggregator) TryPackEmptyOnMissing() ([]byte, error) {
	return mockAggregator.abi.Pack("emptyOnMissing")
}

// UnpackEmptyOnMissing is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x87aaaf23.
//
// Solidity: function emptyOnMissing() view returns(bool)
func (mockAggregator *MockAggregator) UnpackEmptyOnMissing(data []byte) (bool, error) {
	out, err := mockAggregator.abi.Unpack("emptyOnMissing", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackGetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a6fc8f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (mockAggregator *MockAggregator) PackGetRoundData(roundId *big.Int) []byte {
	enc, err := mockAggregator.abi.Pack("getRoundData", roundId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a6fc8f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (mockAggregator *MockAggregator) TryPackGetRoundData(roundId *big.Int) ([]byte, error) {
	return mockAggregator.abi.Pack("getRoundData", roundId)
}

// GetRoundDataOutput serves as a container for the return parameters of contract
// method GetRoundData.
type GetRoundDataOutput struct {
	Arg0            *big.Int
	Answer          *big.Int
	StartedAt       *big.Int
	UpdatedAt       *big.Int
	AnsweredInRound *big.Int
}

// UnpackGetRoundData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9a6fc8f5.
//
// Solidity: function getRoundData(uint80 roundId) view returns(uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
func (mockAggregator *MockAggregator) UnpackGetRoundData(data []byte) (GetRoundDataOutput, error) {
	out, err := mockAggregator.abi.Unpack("getRoundData", data)
	outstruct := new(GetRoundDataOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Answer = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.StartedAt = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.UpdatedAt = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.AnsweredInRound = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackLatestRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x668a0f02.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestRound() view returns(uint80)
func (mockAggregator *MockAggregator) PackLatestRound() []byte {
	enc, err := mockAggregator.abi.Pack("latestRound")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatestRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x668a0f02.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latestRound() view returns(uint80)
func (mockAggregator *MockAggregator) TryPackLatestRound() ([]byte, error) {
	return mockAggregator.abi.Pack("latestRound")
}

// UnpackLatestRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x668a0f02.
//
// Solidity: function latestRound() view returns(uint80)
func (mockAggregator *MockAggregator) UnpackLatestRound(data []byte) (*big.Int, error) {
	out, err := mockAggregator.abi.Unpack("latestRound", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLatestRoundData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfeaf968c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestRoundData() view returns(uint80, int256, uint256, uint256, uint80)
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
// Solidity: function latestRoundData() view returns(uint80, int256, uint256, uint256, uint80)
func (mockAggregator *MockAggregator) TryPackLatestRoundData() ([]byte, error) {
	return mockAggregator.abi.Pack("latestRoundData")
}

// LatestRoundDataOutput serves as a container for the return parameters of contract
// method LatestRoundData.
type LatestRoundDataOutput struct {
	Arg0 *big.Int
	Arg1 *big.Int
	Arg2 *big.Int
	Arg3 *big.Int
	Arg4 *big.Int
}

// UnpackLatestRoundData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfeaf968c.
//
// Solidity: function latestRoundData() view returns(uint80, int256, uint256, uint256, uint80)
func (mockAggregator *MockAggregator) UnpackLatestRoundData(data []byte) (LatestRoundDataOutput, error) {
	out, err := mockAggregator.abi.Unpack("latestRoundData", data)
	outstruct := new(LatestRoundDataOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Arg1 = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Arg2 = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.Arg3 = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.Arg4 = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackSetEmptyOnMissing is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ee8cc88.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setEmptyOnMissing(bool empty) returns()
func (mockAggregator *MockAggregator) PackSetEmptyOnMissing(empty bool) []byte {
	enc, err := mockAggregator.abi.Pack("setEmptyOnMissing", empty)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetEmptyOnMissing is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ee8cc88.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setEmptyOnMissing(bool empty) returns()
func (mockAggregator *MockAggregator) TryPackSetEmptyOnMissing(empty bool) ([]byte, error) {
	return mockAggregator.abi.Pack("setEmptyOnMissing", empty)
}

// MockAggregatorRoundAdded represents a RoundAdded event raised by the MockAggregator contract.
type MockAggregatorRoundAdded struct {
	RoundId   *big.Int
	Answer    *big.Int
	StartedAt *big.Int
	UpdatedAt *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const MockAggregatorRoundAddedEventName = "RoundAdded"

// ContractEventName returns the user-defined event name.
func (MockAggregatorRoundAdded) ContractEventName() string {
	return MockAggregatorRoundAddedEventName
}

// UnpackRoundAddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RoundAdded(uint80 indexed roundId, int256 answer, uint256 startedAt, uint256 updatedAt)
func (mockAggregator *MockAggregator) UnpackRoundAddedEvent(log *types.Log) (*MockAggregatorRoundAdded, error) {
	event := "RoundAdded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mockAggregator.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MockAggregatorRoundAdded)
	if len(log.Data) > 0 {
		if err := mockAggregator.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mockAggregator.abi.Events[event].Inputs {
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

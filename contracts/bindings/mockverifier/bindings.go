// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package mockverifier

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

// MockVerifierMetaData contains all meta data concerning the MockVerifier contract.
var MockVerifierMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"MalformedCall\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ProofInvalid\",\"type\":\"error\"},{\"stateMutability\":\"nonpayable\",\"type\":\"fallback\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"},{\"internalType\":\"uint256[]\",\"name\":\"inputs\",\"type\":\"uint256[]\"}],\"name\":\"Verify\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"accept\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"checkInputs\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"clearExpectedInputs\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"inputs\",\"type\":\"uint256[]\"}],\"name\":\"expectInputs\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bool\",\"name\":\"accept_\",\"type\":\"bool\"}],\"name\":\"setAccept\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "MockVerifier",
	Bin: "0x60806040525f805460ff19166001179055348015601a575f5ffd5b50610972806100285f395ff3fe608060405234801561000f575f5ffd5b5060043610610060575f3560e01c80632852b71c146102f85780633cd82437146103185780634fc3aa7c1461032d57806369d4becc1461034d5780637e4f7a8a14610355578063eb5ed25a14610368575b5f366060602482101561008657604051632d98cd5160e01b815260040160405180910390fd5b5f6100956024600485876105bc565b61009e916105e3565b905060208110806100b857506100b5602082610615565b15155b806100d75750826100ca82600461063c565b6100d590602061063c565b115b156100f557604051632d98cd5160e01b815260040160405180910390fd5b5f600161010360208461064f565b61010d9190610662565b90505f61011982610379565b6040516020016101299190610675565b60408051601f19818403018152919052805160209091012090506001600160e01b0319811661015b60045f888a6105bc565b610164916106be565b6001600160e01b0319161461018c57604051632d98cd5160e01b815260040160405180910390fd5b5f868661019a86600461063c565b906101a687602461063c565b926101b3939291906105bc565b6101bc916105e3565b905085816101cb86602461063c565b6101d5919061063c565b11156101f457604051632d98cd5160e01b815260040160405180910390fd5b5f8367ffffffffffffffff81111561020e5761020e6106f6565b604051908082528060200260200182016040528015610237578160200160208202803683370190505b5090505f5b848110156102b057888861025183602061070a565b61025c90602461063c565b9061026884602061070a565b61027390604461063c565b92610280939291906105bc565b610289916105e3565b5f1c82828151811061029d5761029d610721565b602090810291909101015260010161023c565b505f5460ff1615806102c857506102c681610477565b155b156102e657604051631ff3747d60e21b815260040160405180910390fd5b505060408051602081019091525f9052005b5f546103049060ff1681565b604051901515815260200160405180910390f35b61032b61032636600461077d565b6104fe565b005b61032b61033b3660046107bc565b5f805460ff1916911515919091179055565b61032b61051e565b6103046103633660046107e2565b610535565b5f5461030490610100900460ff1681565b6060815f0361039f5750506040805180820190915260018152600360fc1b602082015290565b5f825b80156103c5576103b18261087a565b91506103be600a8261064f565b90506103a2565b508067ffffffffffffffff8111156103df576103df6106f6565b6040519080825280601f01601f191660200182016040528015610409576020820181803683370190505b5091505b82156104715761041e600a84610615565b61042990603061063c565b60f81b8261043683610892565b9250828151811061044957610449610721565b60200101906001600160f81b03191690815f1a90535061046a600a8461064f565b925061040d565b50919050565b5f8054610100900460ff1661048e57506001919050565b60015482511461049f57505f919050565b5f5b82518110156104f557600181815481106104bd576104bd610721565b905f5260205f2001548382815181106104d8576104d8610721565b6020026020010151146104ed57505f92915050565b6001016104a1565b50600192915050565b600161050b8284836108a7565b50505f805461ff00191661010017905550565b61052960015f610586565b5f805461ff0019169055565b5f805460ff16801561057d575061057d8383808060200260200160405190810160405280939291908181526020018383602002808284375f9201919091525061047792505050565b95945050505050565b5080545f8255905f5260205f209061059e91906105a0565b565b5f5b808211156105b7575f818401556001016105a2565b505050565b5f5f858511156105ca575f5ffd5b838611156105d6575f5ffd5b5050820193919092039150565b803560208310156105fb575f19602084900360031b1b165b92915050565b634e487b7160e01b5f52601260045260245ffd5b5f8261062357610623610601565b500690565b634e487b7160e01b5f52601160045260245ffd5b808201808211156105fb576105fb610628565b5f8261065d5761065d610601565b500490565b818103818111156105fb576105fb610628565b7f76657269667950726f6f662862797465732c75696e743235365b00000000000081525f82518060208501601a85015e615d2960f01b601a939091019283015250601c01919050565b80356001600160e01b031981169060048410156106ef576001600160e01b0319600485900360031b81901b82161691505b5092915050565b634e487b7160e01b5f52604160045260245ffd5b80820281158282048414176105fb576105fb610628565b634e487b7160e01b5f52603260045260245ffd5b5f5f83601f840112610745575f5ffd5b50813567ffffffffffffffff81111561075c575f5ffd5b6020830191508360208260051b8501011115610776575f5ffd5b9250929050565b5f5f6020838503121561078e575f5ffd5b823567ffffffffffffffff8111156107a4575f5ffd5b6107b085828601610735565b90969095509350505050565b5f602082840312156107cc575f5ffd5b813580151581146107db575f5ffd5b9392505050565b5f5f5f5f604085870312156107f5575f5ffd5b843567ffffffffffffffff81111561080b575f5ffd5b8501601f8101871361081b575f5ffd5b803567ffffffffffffffff811115610831575f5ffd5b876020828401011115610842575f5ffd5b60209182019550935085013567ffffffffffffffff811115610862575f5ffd5b61086e87828801610735565b95989497509550505050565b5f6001820161088b5761088b610628565b5060010190565b5f816108a0576108a0610628565b505f190190565b67ffffffffffffffff8311156108bf576108bf6106f6565b680100000000000000008311156108d8576108d86106f6565b80548382558084101561090c57815f528360205f20018482035f5b81811015610908575f838201556001016108f3565b5050505b505f8181526020812083915b8581101561093457823582820155602090920191600101610918565b50505050505056fea264697066735822122013355dcec575e9106e0f9f9eda1954cf4f79499e5c7a12d10c9c427b3e19454764736f6c63430008250033",
}

// MockVerifier is an auto generated Go binding around an Ethereum contract.
type MockVerifier struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MockVerifier) GetABI() abi.ABI {
	return c.abi
}

// NewMockVerifier creates a new instance of MockVerifier.
func NewMockVerifier() *MockVerifier {
	parsed, err := MockVerifierMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MockVerifier{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MockVerifier) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7e4f7a8a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function Verify(bytes , uint256[] inputs) view returns(bool)
func (mockVerifier *MockVerifier) PackVerify(arg0 []byte, inputs []*big.Int) []byte {
	enc, err := mockVerifier.abi.Pack("Verify", arg0, inputs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7e4f7a8a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function Verify(bytes , uint256[] inputs) view returns(bool)
func (mockVerifier *MockVerifier) TryPackVerify(arg0 []byte, inputs []*big.Int) ([]byte, error) {
	return mockVerifier.abi.Pack("Verify", arg0, inputs)
}

// UnpackVerify is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7e4f7a8a.
//
// Solidity: function Verify(bytes , uint256[] inputs) view returns(bool)
func (mockVerifier *MockVerifier) UnpackVerify(data []byte) (bool, error) {
	out, err := mockVerifier.abi.Unpack("Verify", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackAccept is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2852b71c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function accept() view returns(bool)
func (mockVerifier *MockVerifier) PackAccept() []byte {
	enc, err := mockVerifier.abi.Pack("accept")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAccept is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2852b71c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function accept() view returns(bool)
func (mockVerifier *MockVerifier) TryPackAccept() ([]byte, error) {
	return mockVerifier.abi.Pack("accept")
}

// UnpackAccept is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2852b71c.
//
// Solidity: function accept() view returns(bool)
func (mockVerifier *MockVerifier) UnpackAccept(data []byte) (bool, error) {
	out, err := mockVerifier.abi.Unpack("accept", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackCheckInputs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb5ed25a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function checkInputs() view returns(bool)
func (mockVerifier *MockVerifier) PackCheckInputs() []byte {
	enc, err := mockVerifier.abi.Pack("checkInputs")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCheckInputs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb5ed25a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function checkInputs() view returns(bool)
func (mockVerifier *MockVerifier) TryPackCheckInputs() ([]byte, error) {
	return mockVerifier.abi.Pack("checkInputs")
}

// UnpackCheckInputs is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeb5ed25a.
//
// Solidity: function checkInputs() view returns(bool)
func (mockVerifier *MockVerifier) UnpackCheckInputs(data []byte) (bool, error) {
	out, err := mockVerifier.abi.Unpack("checkInputs", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackClearExpectedInputs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x69d4becc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function clearExpectedInputs() returns()
func (mockVerifier *MockVerifier) PackClearExpectedInputs() []byte {
	enc, err := mockVerifier.abi.Pack("clearExpectedInputs")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClearExpectedInputs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x69d4becc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function clearExpectedInputs() returns()
func (mockVerifier *MockVerifier) TryPackClearExpectedInputs() ([]byte, error) {
	return mockVerifier.abi.Pack("clearExpectedInputs")
}

// PackExpectInputs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3cd82437.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function expectInputs(uint256[] inputs) returns()
func (mockVerifier *MockVerifier) PackExpectInputs(inputs []*big.Int) []byte {
	enc, err := mockVerifier.abi.Pack("expectInputs", inputs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExpectInputs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3cd82437.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function expectInputs(uint256[] inputs) returns()
func (mockVerifier *MockVerifier) TryPackExpectInputs(inputs []*big.Int) ([]byte, error) {
	return mockVerifier.abi.Pack("expectInputs", inputs)
}

// PackSetAccept is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4fc3aa7c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setAccept(bool accept_) returns()
func (mockVerifier *MockVerifier) PackSetAccept(accept bool) []byte {
	enc, err := mockVerifier.abi.Pack("setAccept", accept)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetAccept is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4fc3aa7c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setAccept(bool accept_) returns()
func (mockVerifier *MockVerifier) TryPackSetAccept(accept bool) ([]byte, error) {
	return mockVerifier.abi.Pack("setAccept", accept)
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (mockVerifier *MockVerifier) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], mockVerifier.abi.Errors["MalformedCall"].ID.Bytes()[:4]) {
		return mockVerifier.UnpackMalformedCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], mockVerifier.abi.Errors["ProofInvalid"].ID.Bytes()[:4]) {
		return mockVerifier.UnpackProofInvalidError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// MockVerifierMalformedCall represents a MalformedCall error raised by the MockVerifier contract.
type MockVerifierMalformedCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MalformedCall()
func MockVerifierMalformedCallErrorID() common.Hash {
	return common.HexToHash("0x2d98cd51bcc80a7ba4eae6643959d67a2b218c04cf4e745d5c360ec892844eaa")
}

// UnpackMalformedCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MalformedCall()
func (mockVerifier *MockVerifier) UnpackMalformedCallError(raw []byte) (*MockVerifierMalformedCall, error) {
	out := new(MockVerifierMalformedCall)
	if err := mockVerifier.abi.UnpackIntoInterface(out, "MalformedCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MockVerifierProofInvalid represents a ProofInvalid error raised by the MockVerifier contract.
type MockVerifierProofInvalid struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProofInvalid()
func MockVerifierProofInvalidErrorID() common.Hash {
	return common.HexToHash("0x7fcdd1f433fad06e243ebb12f415f49dc48f357e41b96f61f504279fe6bb2ac6")
}

// UnpackProofInvalidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProofInvalid()
func (mockVerifier *MockVerifier) UnpackProofInvalidError(raw []byte) (*MockVerifierProofInvalid, error) {
	out := new(MockVerifierProofInvalid)
	if err := mockVerifier.abi.UnpackIntoInterface(out, "ProofInvalid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

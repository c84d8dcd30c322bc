// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package feedreadprobe

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

// FeedReadProbeMetaData contains all meta data concerning the FeedReadProbe contract.
var FeedReadProbeMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"feeds\",\"type\":\"address[]\"},{\"internalType\":\"uint80[]\",\"name\":\"roundIds\",\"type\":\"uint80[]\"}],\"name\":\"read\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sink\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "FeedReadProbe",
	Bin: "0x6080604052348015600e575f5ffd5b506103a78061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610034575f3560e01c8063c74e820e14610038578063f0ea671414610052575b5f5ffd5b6100405f5481565b60405190815260200160405180910390f35b61006561006036600461023b565b610067565b005b5f5f5b848110156101ea575f5f878784818110610086576100866102a7565b905060200201602081019061009b91906102bb565b6001600160a01b0316639a6fc8f58787868181106100bb576100bb6102a7565b90506020020160208101906100d09190610302565b6040516001600160e01b031960e084901b16815269ffffffffffffffffffff909116600482015260240160a060405180830381865afa158015610115573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610139919061031d565b509350509250505f888885818110610153576101536102a7565b905060200201602081019061016891906102bb565b6001600160a01b031663feaf968c6040518163ffffffff1660e01b815260040160a060405180830381865afa1580156101a3573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906101c7919061031d565b5050505069ffffffffffffffffffff16919092181892909218915060010161006a565b505f5550505050565b5f5f83601f840112610203575f5ffd5b50813567ffffffffffffffff81111561021a575f5ffd5b6020830191508360208260051b8501011115610234575f5ffd5b9250929050565b5f5f5f5f6040858703121561024e575f5ffd5b843567ffffffffffffffff811115610264575f5ffd5b610270878288016101f3565b909550935050602085013567ffffffffffffffff81111561028f575f5ffd5b61029b878288016101f3565b95989497509550505050565b634e487b7160e01b5f52603260045260245ffd5b5f602082840312156102cb575f5ffd5b81356001600160a01b03811681146102e1575f5ffd5b9392505050565b69ffffffffffffffffffff811681146102ff575f5ffd5b50565b5f60208284031215610312575f5ffd5b81356102e1816102e8565b5f5f5f5f5f60a08688031215610331575f5ffd5b855161033c816102e8565b60208701516040880151606089015160808a015193985091965094509250610363816102e8565b80915050929550929590935056fea26469706673582212209242a98fcf8b9126faa24a563f50843ae1523b258c4ac22eb77f3e174366ea9c64736f6c63430008250033",
}

// FeedReadProbe is an auto generated Go binding around an Ethereum contract.
type FeedReadProbe struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *FeedReadProbe) GetABI() abi.ABI {
	return c.abi
}

// NewFeedReadProbe creates a new instance of FeedReadProbe.
func NewFeedReadProbe() *FeedReadProbe {
	parsed, err := FeedReadProbeMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &FeedReadProbe{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *FeedReadProbe) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackRead is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0ea6714.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function read(address[] feeds, uint80[] roundIds) returns()
func (feedReadProbe *FeedReadProbe) PackRead(feeds []common.Address, roundIds []*big.Int) []byte {
	enc, err := feedReadProbe.abi.Pack("read", feeds, roundIds)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRead is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0ea6714.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function read(address[] feeds, uint80[] roundIds) returns()
func (feedReadProbe *FeedReadProbe) TryPackRead(feeds []common.Address, roundIds []*big.Int) ([]byte, error) {
	return feedReadProbe.abi.Pack("read", feeds, roundIds)
}

// PackSink is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc74e820e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sink() view returns(uint256)
func (feedReadProbe *FeedReadProbe) PackSink() []byte {
	enc, err := feedReadProbe.abi.Pack("sink")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSink is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc74e820e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sink() view returns(uint256)
func (feedReadProbe *FeedReadProbe) TryPackSink() ([]byte, error) {
	return feedReadProbe.abi.Pack("sink")
}

// UnpackSink is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc74e820e.
//
// Solidity: function sink() view returns(uint256)
func (feedReadProbe *FeedReadProbe) UnpackSink(data []byte) (*big.Int, error) {
	out, err := feedReadProbe.abi.Unpack("sink", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

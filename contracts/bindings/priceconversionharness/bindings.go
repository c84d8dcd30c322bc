// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package priceconversionharness

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

// PriceConversionHarnessMetaData contains all meta data concerning the PriceConversionHarness contract.
var PriceConversionHarnessMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"answer\",\"type\":\"int256\"},{\"internalType\":\"uint8\",\"name\":\"feedDecimals\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"valueDecimals\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"circuitDecimals\",\"type\":\"uint8\"}],\"name\":\"price\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"},{\"internalType\":\"uint256\",\"name\":\"p\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	ID:  "PriceConversionHarness",
	Bin: "0x6080604052348015600e575f5ffd5b506103ae8061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610029575f3560e01c8063fc9f97a11461002d575b5f5ffd5b61004061003b3660046101b5565b61005b565b60408051921515835260208301919091520160405180910390f35b5f5f5f5f5f61006b8789886100a0565b92509250925080610084575f5f94509450505050610097565b61008f89848461010c565b945094505050505b94509492505050565b5f5f5f5f8460ff168660ff168860ff166100ba9190610213565b6100c49190610213565b90505f5f82126100d457816100dd565b6100dd82610239565b9050604c8111156100f8575f5f5f9450945094505050610103565b93505f139150600190505b93509350939050565b5f5f5f851361011f57505f905080610198565b845f61012f60ff8716600a610330565b90508415610148576101418183610342565b925061017c565b61015a8167ffffffffffffffff610342565b82111561016f575f5f19935093505050610198565b6101798183610361565b92505b8215801590610193575067ffffffffffffffff8311155b935050505b935093915050565b803560ff811681146101b0575f5ffd5b919050565b5f5f5f5f608085870312156101c8575f5ffd5b843593506101d8602086016101a0565b92506101e6604086016101a0565b91506101f4606086016101a0565b905092959194509250565b634e487b7160e01b5f52601160045260245ffd5b8181035f831280158383131683831282161715610232576102326101ff565b5092915050565b5f600160ff1b820161024d5761024d6101ff565b505f0390565b6001815b600184111561019857808504811115610272576102726101ff565b600184161561028057908102905b60019390931c928002610257565b5f8261029c5750600161032a565b816102a857505f61032a565b81600181146102be57600281146102c8576102e4565b600191505061032a565b60ff8411156102d9576102d96101ff565b50506001821b61032a565b5060208310610133831016604e8410600b8410161715610307575081810a61032a565b6103135f198484610253565b805f1904821115610326576103266101ff565b0290505b92915050565b5f61033b838361028e565b9392505050565b5f8261035c57634e487b7160e01b5f52601260045260245ffd5b500490565b808202811582820484141761032a5761032a6101ff56fea2646970667358221220932c02110d0266c74f9a81f43492528982cd93c52187428fcebd4a9730dffae664736f6c63430008250033",
}

// PriceConversionHarness is an auto generated Go binding around an Ethereum contract.
type PriceConversionHarness struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *PriceConversionHarness) GetABI() abi.ABI {
	return c.abi
}

// NewPriceConversionHarness creates a new instance of PriceConversionHarness.
func NewPriceConversionHarness() *PriceConversionHarness {
	parsed, err := PriceConversionHarnessMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &PriceConversionHarness{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *PriceConversionHarness) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackPrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc9f97a1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function price(int256 answer, uint8 feedDecimals, uint8 valueDecimals, uint8 circuitDecimals) pure returns(bool ok, uint256 p)
func (priceConversionHarness *PriceConversionHarness) PackPrice(answer *big.Int, feedDecimals uint8, valueDecimals uint8, circuitDecimals uint8) []byte {
	enc, err := priceConversionHarness.abi.Pack("price", answer, feedDecimals, valueDecimals, circuitDecimals)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc9f97a1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function price(int256 answer, uint8 feedDecimals, uint8 valueDecimals, uint8 circuitDecimals) pure returns(bool ok, uint256 p)
func (priceConversionHarness *PriceConversionHarness) TryPackPrice(answer *big.Int, feedDecimals uint8, valueDecimals uint8, circuitDecimals uint8) ([]byte, error) {
	return priceConversionHarness.abi.Pack("price", answer, feedDecimals, valueDecimals, circuitDecimals)
}

// PriceOutput serves as a container for the return parameters of contract
// method Price.
type PriceOutput struct {
	Ok bool
	P  *big.Int
}

// UnpackPrice is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc9f97a1.
//
// Solidity: function price(int256 answer, uint8 feedDecimals, uint8 valueDecimals, uint8 circuitDecimals) pure returns(bool ok, uint256 p)
func (priceConversionHarness *PriceConversionHarness) UnpackPrice(data []byte) (PriceOutput, error) {
	out, err := priceConversionHarness.abi.Unpack("price", data)
	outstruct := new(PriceOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Ok = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.P = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

package contracts

// DecodeCallErrorForTest exposes decodeCallError to the external tests, which send raw
// transactions to reach the contract's own checks behind the client's validation.
var DecodeCallErrorForTest = decodeCallError

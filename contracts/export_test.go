package contracts

// DecodeCallErrorForTest exposes decodeCallError to the external tests, which send raw
// transactions to reach the contract's own checks behind the client's validation.
var DecodeCallErrorForTest = decodeCallError

// DeployCodeForTest exposes deployCode to the external tests (the feed-read probe).
var DeployCodeForTest = deployCode

// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @title MockVerifier
/// @notice Speaks both gnark verifier ABIs with an accept/reject switch, for registry logic tests.
/// Groth16 shape: verifyProof(bytes, uint256[N]) for any N (it arrives in the fallback, since the
/// selector depends on N), reverting ProofInvalid() when rejecting.
/// PLONK shape: Verify(bytes, uint256[]) returning false when rejecting.
/// When expected inputs are set, a call whose public inputs differ is rejected too, so tests can
/// check the order in which the registry builds them.
contract MockVerifier {
    bool public accept = true;
    bool public checkInputs;
    uint256[] private _expected;

    error ProofInvalid();
    error MalformedCall();

    /// @notice Sets whether proofs are accepted.
    function setAccept(bool accept_) external {
        accept = accept_;
    }

    /// @notice From now on, reject any call whose public inputs differ from these.
    function expectInputs(uint256[] calldata inputs) external {
        _expected = inputs;
        checkInputs = true;
    }

    /// @notice Stops checking public inputs.
    function clearExpectedInputs() external {
        delete _expected;
        checkInputs = false;
    }

    /// @notice gnark's PLONK verifier ABI.
    function Verify(bytes calldata, uint256[] calldata inputs) external view returns (bool) {
        return accept && _matches(inputs);
    }

    /// @notice gnark's Groth16 verifier ABI, verifyProof(bytes, uint256[N]), decoded by hand.
    fallback(bytes calldata data) external returns (bytes memory) {
        if (data.length < 36) revert MalformedCall();
        uint256 offset = uint256(bytes32(data[4:36]));
        if (offset < 32 || offset % 32 != 0 || 4 + offset + 32 > data.length) revert MalformedCall();
        uint256 n = offset / 32 - 1;
        bytes4 want = bytes4(keccak256(abi.encodePacked("verifyProof(bytes,uint256[", _decimal(n), "])")));
        if (bytes4(data[0:4]) != want) revert MalformedCall();
        uint256 proofLen = uint256(bytes32(data[4 + offset:36 + offset]));
        if (36 + offset + proofLen > data.length) revert MalformedCall();
        uint256[] memory inputs = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            inputs[i] = uint256(bytes32(data[36 + 32 * i:68 + 32 * i]));
        }
        if (!accept || !_matches(inputs)) revert ProofInvalid();
        return "";
    }

    function _matches(uint256[] memory inputs) private view returns (bool) {
        if (!checkInputs) return true;
        if (inputs.length != _expected.length) return false;
        for (uint256 i; i < inputs.length; ++i) {
            if (inputs[i] != _expected[i]) return false;
        }
        return true;
    }

    function _decimal(uint256 v) private pure returns (bytes memory out) {
        if (v == 0) return "0";
        uint256 len;
        for (uint256 t = v; t != 0; t /= 10) {
            ++len;
        }
        out = new bytes(len);
        for (; v != 0; v /= 10) {
            out[--len] = bytes1(uint8(48 + (v % 10)));
        }
    }
}

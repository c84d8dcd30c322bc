package zk

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
	kzg "github.com/consensys/gnark-crypto/ecc/bn254/kzg"
	"github.com/consensys/gnark/backend/plonk"
	"github.com/consensys/gnark/constraint"
)

// ErrSRSTooSmall is returned when a KZG SRS has fewer points than a circuit
// needs.
var ErrSRSTooSmall = errors.New("KZG SRS too small for the circuit")

// ErrBadSRS is returned when a KZG SRS is not a well-formed powers-of-tau
// sequence, or a Lagrange SRS is not the one derived from the canonical SRS.
var ErrBadSRS = errors.New("malformed KZG SRS")

// SRSSizes returns the number of G1 points PLONK needs for a circuit: the
// canonical SRS (domain + 3, for the blinded openings) and the Lagrange SRS
// (exactly the domain: the next power of two of constraints + public inputs).
func SRSSizes(ccs constraint.ConstraintSystem) (canonical, lagrange uint64) {
	lagrange = ecc.NextPowerOfTwo(uint64(ccs.GetNbConstraints() + ccs.GetNbPublicVariables()))
	return lagrange + 3, lagrange
}

// ReadSRS reads a BN254 KZG SRS in gnark-crypto's format (kzg.SRS WriteTo),
// with the points' subgroup checks of ReadFrom, and returns it with the hex
// SHA-256 of the file.
func ReadSRS(path string) (*kzg.SRS, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("read SRS: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	var srs kzg.SRS
	r := io.TeeReader(bufio.NewReaderSize(f, 1<<20), h)
	if _, err := srs.ReadFrom(r); err != nil {
		return nil, "", fmt.Errorf("%w: %s: %v", ErrBadSRS, path, err)
	}
	if n, _ := io.Copy(h, r); n != 0 {
		return nil, "", fmt.Errorf("%w: %s: %d bytes after the SRS", ErrBadSRS, path, n)
	}
	return &srs, hex.EncodeToString(h.Sum(nil)), nil
}

// randomScalars returns n random field elements (fresh per check, so an SRS
// built to pass one fixed combination does not pass).
func randomScalars(n int) ([]fr.Element, error) {
	out := make([]fr.Element, n)
	for i := range out {
		if _, err := out[i].SetRandom(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// checkPowers checks that the first m points of srs are [τⁱ]₁ for the τ of its
// verifying key ([1]₂, [τ]₂): the generators are the standard ones and, for
// random ρ, e(Σ ρᵢ[τⁱ⁺¹]₁, [1]₂) = e(Σ ρᵢ[τⁱ]₁, [τ]₂). A forged point breaks the
// equation except with probability 1/r.
func checkPowers(srs *kzg.SRS, m int) error {
	_, _, g1, g2 := bn254.Generators()
	if !srs.Pk.G1[0].Equal(&g1) || !srs.Vk.G1.Equal(&g1) || !srs.Vk.G2[0].Equal(&g2) {
		return fmt.Errorf("%w: the SRS does not start from the standard generators", ErrBadSRS)
	}
	if srs.Vk.G2[1].IsInfinity() || srs.Pk.G1[1].IsInfinity() {
		return fmt.Errorf("%w: τ is zero", ErrBadSRS)
	}
	rho, err := randomScalars(m - 1)
	if err != nil {
		return err
	}
	var lo, hi bn254.G1Affine
	if _, err := lo.MultiExp(srs.Pk.G1[:m-1], rho, ecc.MultiExpConfig{}); err != nil {
		return err
	}
	if _, err := hi.MultiExp(srs.Pk.G1[1:m], rho, ecc.MultiExpConfig{}); err != nil {
		return err
	}
	lo.Neg(&lo)
	ok, err := bn254.PairingCheck([]bn254.G1Affine{hi, lo}, []bn254.G2Affine{srs.Vk.G2[0], srs.Vk.G2[1]})
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w: the G1 points are not successive powers of the τ of [τ]₂", ErrBadSRS)
	}
	return nil
}

// checkLagrange checks that lagrange is the Lagrange form of canonical[:n]:
// Lᵢ = (1/n) Σⱼ ω^(-ij) Cⱼ. For random ρ, Σ ρᵢLᵢ = Σ cⱼCⱼ with c the inverse
// DFT of ρ (a scalar FFT, far cheaper than converting the points).
func checkLagrange(canonical []bn254.G1Affine, lagrange []bn254.G1Affine) error {
	n := len(lagrange)
	rho, err := randomScalars(n)
	if err != nil {
		return err
	}
	c := append([]fr.Element(nil), rho...)
	d := fft.NewDomain(uint64(n))
	d.FFTInverse(c, fft.DIF)
	fft.BitReverse(c) //nolint:staticcheck // natural order
	var left, right bn254.G1Affine
	if _, err := left.MultiExp(lagrange, rho, ecc.MultiExpConfig{}); err != nil {
		return err
	}
	if _, err := right.MultiExp(canonical[:n], c, ecc.MultiExpConfig{}); err != nil {
		return err
	}
	if !left.Equal(&right) {
		return fmt.Errorf("%w: the Lagrange SRS is not the Lagrange form of the canonical SRS", ErrBadSRS)
	}
	return nil
}

// PlonkSRS checks a canonical SRS (and optionally a Lagrange SRS; nil derives
// it) against a circuit and returns both cut to the circuit's sizes. A
// Lagrange SRS not derived from the canonical one would let whoever built it
// commit the verifying key to another circuit, so it is checked, not trusted.
func PlonkSRS(ccs constraint.ConstraintSystem, canonical, lagrange *kzg.SRS) (*kzg.SRS, *kzg.SRS, error) {
	needC, needL := SRSSizes(ccs)
	if uint64(len(canonical.Pk.G1)) < needC {
		return nil, nil, fmt.Errorf("%w: the SRS has %d G1 points, the circuit (%d constraints + %d public inputs, domain %d) needs %d",
			ErrSRSTooSmall, len(canonical.Pk.G1), ccs.GetNbConstraints(), ccs.GetNbPublicVariables(), needL, needC)
	}
	cut := &kzg.SRS{Vk: canonical.Vk, Pk: kzg.ProvingKey{G1: canonical.Pk.G1[:needC]}}
	if err := checkPowers(cut, int(needC)); err != nil {
		return nil, nil, err
	}
	if lagrange == nil {
		pts, err := kzg.ToLagrangeG1(append([]bn254.G1Affine(nil), cut.Pk.G1[:needL]...))
		if err != nil {
			return nil, nil, err
		}
		return cut, &kzg.SRS{Vk: cut.Vk, Pk: kzg.ProvingKey{G1: pts}}, nil
	}
	if uint64(len(lagrange.Pk.G1)) != needL {
		return nil, nil, fmt.Errorf("%w: the Lagrange SRS has %d G1 points, the circuit's domain is %d", ErrSRSTooSmall, len(lagrange.Pk.G1), needL)
	}
	if !lagrange.Vk.G2[1].Equal(&cut.Vk.G2[1]) {
		return nil, nil, fmt.Errorf("%w: the Lagrange SRS is for another τ", ErrBadSRS)
	}
	if err := checkLagrange(cut.Pk.G1, lagrange.Pk.G1); err != nil {
		return nil, nil, err
	}
	return cut, lagrange, nil
}

// SetupWithSRS runs PLONK's setup with an SRS from a public ceremony, checked
// and cut to the circuit by PlonkSRS.
func (Plonk) SetupWithSRS(ccs constraint.ConstraintSystem, canonical, lagrange *kzg.SRS) (Keys, error) {
	c, l, err := PlonkSRS(ccs, canonical, lagrange)
	if err != nil {
		return Keys{}, err
	}
	pk, vk, err := plonk.Setup(ccs, c, l)
	if err != nil {
		return Keys{}, fmt.Errorf("plonk setup: %w", err)
	}
	return Keys{PK: pk, VK: vk}, nil
}

package chain

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

func TestReadKeyFile(t *testing.T) {
	dir := t.TempDir()
	const hexKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	want := "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"
	for _, tc := range []struct {
		name, content string
		perm          os.FileMode
		wantErr       string
		wantWarn      bool
	}{
		{"bare hex", hexKey, 0o600, "", false},
		{"0x and a newline", "0x" + hexKey + "\n", 0o600, "", false},
		{"readable by others", hexKey, 0o644, "", true},
		{"not a key", "correct horse battery staple", 0o600, "does not hold a hex secp256k1 private key", false},
		{"short", hexKey[:60], 0o600, "does not hold", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_"))
			if err := os.WriteFile(p, []byte(tc.content), tc.perm); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, tc.perm); err != nil {
				t.Fatal(err)
			}
			var warn bytes.Buffer
			key, err := ReadKeyFile(p, &warn)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got %v, want an error containing %q", err, tc.wantErr)
				}
				if strings.Contains(err.Error(), tc.content) {
					t.Fatalf("the error quotes the key file's contents: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := crypto.PubkeyToAddress(key.PublicKey).Hex(); got != want {
				t.Fatalf("address %s, want %s", got, want)
			}
			if got := strings.Contains(warn.String(), "readable by others"); got != tc.wantWarn {
				t.Fatalf("warning %q, want one: %v", warn.String(), tc.wantWarn)
			}
		})
	}
	if _, err := ReadKeyFile(filepath.Join(dir, "missing"), nil); err == nil || !strings.Contains(err.Error(), "--key") {
		t.Fatalf("missing key file: %v", err)
	}
}

func TestSignerValidate(t *testing.T) {
	for _, tc := range []struct {
		s  Signer
		ok bool
	}{{Signer{}, false}, {Signer{KeyFile: "k", DevAccount: true}, false}, {Signer{KeyFile: "k"}, true}, {Signer{DevAccount: true}, true}} {
		if err := tc.s.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: %v", tc.s, err)
		}
	}
}

package run_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/root"
)

func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := root.Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{
		{"run"},
		{"run", "--config", "a.json", "--init", "d"},
		{"run", "--config", "a.json", "--dev-account"},
		{"run", "--config", "a.json", "--rpc", "http://127.0.0.1:1"},
		{"run", "--init", "d", "--epochs", "2"},
	} {
		if code, _, stderr := cli(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
	}
}

// --init writes a config that loads, refuses to overwrite, and a broken config exits 1 naming
// the file and the field.
func TestInitAndConfigErrors(t *testing.T) {
	dir := t.TempDir()
	if code, out, stderr := cli(t, "run", "--init", dir); code != 0 || !strings.Contains(out, "config.json") {
		t.Fatalf("--init: exit %d\n%s%s", code, out, stderr)
	}
	code, _, stderr := cli(t, "run", "--init", dir)
	if code != 1 || !strings.Contains(stderr, filepath.Join(dir, "README.md")) {
		t.Fatalf("second --init: exit %d, %s", code, stderr)
	}
	path := filepath.Join(dir, "config.json")
	raw, _ := os.ReadFile(path)
	bad := strings.Replace(string(raw), `"slots": 8`, `"slots": -1`, 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := cli(t, "run", "--config", path, "--json")
	if code != 1 || !strings.Contains(stderr, path) || !strings.Contains(stderr, `field "slots" = "-1"`) || out != "" {
		t.Fatalf("bad slots: exit %d, stdout %q, stderr %s", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "state")); !os.IsNotExist(err) {
		t.Fatal("a refused config created the state directory")
	}
}

package prove

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/prover/batchrun"
)

const jobManifest = "../../../../prover/batchrun/k8s/prove-solvency-job.yaml"

// yamlJob is what TestJobManifest reads from the Job manifest, line by line
// (no YAML dependency: the file is plain block style).
type yamlJob struct {
	scalars map[string]string
	command []string
}

func readJob(t *testing.T, path string) yamlJob {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	j := yamlJob{scalars: map[string]string{}}
	lines := strings.Split(string(data), "\n")
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		trimmed = strings.TrimPrefix(trimmed, "- ")
		key, val, ok := strings.Cut(trimmed, ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		if key == "command" && val == "" {
			if j.command != nil {
				t.Fatalf("%s: two command lists", path)
			}
			j.command = []string{}
			for i+1 < len(lines) && indent(lines[i+1]) > indent(line) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "- ") {
				i++
				j.command = append(j.command, strings.Trim(strings.TrimPrefix(strings.TrimSpace(lines[i]), "- "), `"'`))
			}
			continue
		}
		if val != "" {
			if prev, dup := j.scalars[key]; dup && prev != val {
				j.scalars[key+"#2"] = val
				continue
			}
			j.scalars[key] = strings.Trim(val, `"'`)
		}
	}
	return j
}

// TestJobManifest holds the shipped Kubernetes Job to the CLI: an Indexed Job
// with per-index retries whose every pod's command line, with
// $(JOB_COMPLETION_INDEX) expanded as Kubernetes does, parses as `prove
// solvency --manifest` of a directory on the shared volume, for shard I of
// exactly `completions` shards.
func TestJobManifest(t *testing.T) {
	j := readJob(t, jobManifest)
	for key, want := range map[string]string{"kind": "Job", "apiVersion": "batch/v1", "completionMode": "Indexed", "restartPolicy": "Never"} {
		if got := j.scalars[key]; got != want {
			t.Errorf("%s: %s = %q, want %q", jobManifest, key, got, want)
		}
	}
	n, err := strconv.Atoi(j.scalars["completions"])
	if err != nil || n < 1 {
		t.Fatalf("%s: completions = %q", jobManifest, j.scalars["completions"])
	}
	for _, key := range []string{"parallelism", "backoffLimitPerIndex", "maxFailedIndexes"} {
		if v, err := strconv.Atoi(j.scalars[key]); err != nil || v < 0 {
			t.Errorf("%s: %s = %q, want a non-negative integer", jobManifest, key, j.scalars[key])
		}
	}
	mount := j.scalars["mountPath"]
	if len(j.command) < 3 || j.command[0] != "zktreasury" || j.command[1] != "prove" || j.command[2] != "solvency" {
		t.Fatalf("%s: command %q is not `zktreasury prove solvency ...`", jobManifest, j.command)
	}
	if !strings.Contains(strings.Join(j.command, " "), "$(JOB_COMPLETION_INDEX)") {
		t.Fatalf("%s: the command does not take its shard from $(JOB_COMPLETION_INDEX): %q", jobManifest, j.command)
	}
	for i := range n {
		args := make([]string, 0, len(j.command)-3)
		for _, a := range j.command[3:] {
			args = append(args, strings.ReplaceAll(a, "$(JOB_COMPLETION_INDEX)", strconv.Itoa(i)))
		}
		var got *SolvencyOptions
		f := &cmdutil.Factory{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
		cmd := NewCmdSolvency(f, func(o *SolvencyOptions) error { got = o; return nil })
		cmd.SetArgs(args)
		cmd.SetOut(f.Out)
		cmd.SetErr(f.Err)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("pod %d: %q does not parse: %v", i, args, err)
		}
		if got == nil || got.Batch.mode != batchProve {
			t.Fatalf("pod %d: %q is not the batched prove step", i, args)
		}
		if got.Batch.shard != (batchrun.Shard{I: i, N: n}) {
			t.Fatalf("pod %d: shard %v, want %d/%d (completions)", i, got.Batch.shard, i, n)
		}
		if mount == "" || !strings.HasPrefix(got.Batch.Manifest, strings.TrimSuffix(mount, "/")+"/") {
			t.Fatalf("pod %d: manifest %q is not on the shared volume mounted at %q", i, got.Batch.Manifest, mount)
		}
		if !got.JSON {
			t.Fatalf("pod %d: without --json the pod's log has no result document", i)
		}
	}
}

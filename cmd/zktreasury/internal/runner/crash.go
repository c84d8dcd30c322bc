package runner

import (
	"fmt"
	"os"
	"strings"
)

// CrashEnv names the fault-injection hook for crash tests: ZKT_CRASH_AT=STAGE:EPOCH makes the
// process exit with CrashExitCode at that point, as a kill -9 would leave it. Points: plan
// (the case directory written, state.json not yet), prove (the proof written, not recorded),
// sign (the transaction hash recorded, not sent), submit (the transaction sent and mined, its
// receipt not recorded), and deploy (the contracts deployed, the deployment not recorded; epoch 0).
const CrashEnv = "ZKT_CRASH_AT"

// CrashExitCode is the exit code of an injected crash (128 + SIGKILL).
const CrashExitCode = 137

// crashPoint exits the process when CrashEnv names this point.
func crashPoint(stage string, epoch uint64) {
	v := os.Getenv(CrashEnv)
	if v == "" {
		return
	}
	for _, p := range strings.Split(v, ",") {
		if p == fmt.Sprintf("%s:%d", stage, epoch) {
			fmt.Fprintf(os.Stderr, "%s: crashing at %s\n", CrashEnv, p)
			os.Exit(CrashExitCode)
		}
	}
}

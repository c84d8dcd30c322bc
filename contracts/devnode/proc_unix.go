//go:build unix

package devnode

import (
	"os/exec"
	"syscall"
)

// prepareGroup starts cmd in its own process group, so that cancelling a `go install` also
// ends the compilers it runs.
func prepareGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

// terminate asks the process (by its PID) to exit.
func terminate(cmd *exec.Cmd) error { return cmd.Process.Signal(syscall.SIGTERM) }

// kill ends the process by its PID.
func kill(cmd *exec.Cmd) error { return cmd.Process.Kill() }

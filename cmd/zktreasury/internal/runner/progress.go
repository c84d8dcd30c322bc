package runner

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/rs/zerolog"
)

// progress shows what a run is doing on stderr. On a terminal the current step is one live
// line, rewritten with a carriage return every tickEvery with the step's elapsed time (and,
// while proving, gnark's phase: solver, then prover); each step ends as a permanent line with
// its duration. Off a terminal only the finished steps are printed, one line each. Quiet
// (--json) prints nothing.
type progress struct {
	w     io.Writer
	live  bool
	quiet bool
	start time.Time

	mu        sync.Mutex
	label     string
	phase     string
	stepStart time.Time
	stop      chan struct{}
	done      chan struct{}
}

const tickEvery = 200 * time.Millisecond

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

func newProgress(w io.Writer, quiet bool) *progress {
	return &progress{w: w, live: isTerminal(w), quiet: quiet, start: time.Now()}
}

// begin ends the current step and starts a new one.
func (p *progress) begin(format string, args ...any) {
	if p == nil || p.quiet {
		return
	}
	p.end()
	p.mu.Lock()
	p.label, p.phase, p.stepStart = fmt.Sprintf(format, args...), "", time.Now()
	p.mu.Unlock()
	if p.live {
		p.stop, p.done = make(chan struct{}), make(chan struct{})
		go p.tick(p.stop, p.done)
	}
}

// setPhase names a phase of the current step (shown on the live line).
func (p *progress) setPhase(phase string) {
	if p == nil || p.quiet {
		return
	}
	p.mu.Lock()
	p.phase = phase
	p.mu.Unlock()
}

// end finishes the current step, printing it with its duration.
func (p *progress) end() {
	if p == nil || p.quiet {
		return
	}
	if p.stop != nil {
		close(p.stop)
		<-p.done
		p.stop = nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.label == "" {
		return
	}
	clear := ""
	if p.live {
		clear = "\r\033[K"
	}
	fmt.Fprintf(p.w, "%s[%6.1fs] %s (%.1fs)\n", clear, time.Since(p.start).Seconds(), p.label, time.Since(p.stepStart).Seconds())
	p.label = ""
}

// note ends the current step and prints a line of its own (a result or a warning).
func (p *progress) note(format string, args ...any) {
	if p == nil || p.quiet {
		return
	}
	p.end()
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "[%6.1fs] %s\n", time.Since(p.start).Seconds(), fmt.Sprintf(format, args...))
}

func (p *progress) tick(stop, done chan struct{}) {
	defer close(done)
	t := time.NewTicker(tickEvery)
	defer t.Stop()
	for {
		p.mu.Lock()
		line := fmt.Sprintf("[%6.1fs] %s", time.Since(p.start).Seconds(), p.label)
		if p.phase != "" {
			line += ": " + p.phase
		}
		line += fmt.Sprintf(" … %.1fs", time.Since(p.stepStart).Seconds())
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		p.mu.Unlock()
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

// gnarkPhases is a writer for gnark's zerolog logger: it turns the prover's debug messages into
// phases of the current step ("constraint system solver done" ends the solver, "prover done"
// the prover) and drops the rest, so gnark prints nothing on stdout.
type gnarkPhases struct{ p *progress }

func (g gnarkPhases) Write(b []byte) (int, error) {
	s := string(b)
	switch {
	case strings.Contains(s, "constraint system solver done"):
		g.p.setPhase("solver done; prover (MSMs)")
	case strings.Contains(s, "prover done"):
		g.p.setPhase("prover done; verifying")
	}
	return len(b), nil
}

// gnarkLogger is the zerolog logger run installs for gnark.
func (p *progress) gnarkLogger() zerolog.Logger {
	return zerolog.New(gnarkPhases{p}).Level(zerolog.DebugLevel)
}

package runner

import (
	"bytes"
	"strings"
	"testing"
)

// Off a terminal, progress is one line per finished step, no carriage returns; quiet prints
// nothing; gnark's debug messages become phases and nothing else.
func TestProgressOffTerminal(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, false)
	if p.live {
		t.Fatal("a buffer is not a terminal")
	}
	p.begin("proving")
	log := p.gnarkLogger()
	log.Debug().Msg("constraint system solver done")
	if p.phase != "solver done; prover (MSMs)" {
		t.Fatalf("phase %q after the solver message", p.phase)
	}
	log.Debug().Msg("prover done")
	p.begin("submitting")
	p.note("recorded")
	p.end()
	out := b.String()
	if strings.Contains(out, "\r") || strings.Count(out, "\n") != 3 || !strings.Contains(out, "] proving (") || !strings.Contains(out, "] recorded\n") {
		t.Fatalf("output:\n%q", out)
	}
	var q bytes.Buffer
	quiet := newProgress(&q, true)
	quiet.begin("x")
	quiet.note("y")
	quiet.end()
	if q.Len() != 0 {
		t.Fatalf("quiet progress printed %q", q.String())
	}
}

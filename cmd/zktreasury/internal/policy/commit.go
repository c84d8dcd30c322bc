package policy

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/cmdutil"
	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/format"
	"github.com/zktreasury/zktreasury/prover/statement"
	"github.com/zktreasury/zktreasury/treasury"
)

// CommitOptions are the flags of `zktreasury policy commit`.
type CommitOptions struct {
	IO     *cmdutil.Factory
	Policy string
	JSON   bool
}

func newCmdCommit(f *cmdutil.Factory, runF func(*CommitOptions) error) *cobra.Command {
	opts := &CommitOptions{IO: f}
	cmd := &cobra.Command{
		Use:   "commit --policy FILE",
		Short: "Print the policy commitment that proofs and the registry use",
		Long: `Encode the policy's integer parameters in the documented order (USD limits as
value units rounded down) and print their Poseidon2 commitment, the public input
every proof and the on-chain registry carry. An auditor with the policy file
recomputes it here and compares.`,
		Example: "  zktreasury policy commit --policy testdata/solvency/solvent/policy.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Policy == "" {
				return cmdutil.Usagef("--policy is required")
			}
			if runF != nil {
				return runF(opts)
			}
			return commitRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Policy, "policy", "", "policy file (JSON)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

// CommitResult is the JSON form of `policy commit`.
type CommitResult struct {
	Policy     string   `json:"policy"`
	Commitment string   `json:"commitment"`
	Elements   []string `json:"elements"`
}

func commitRun(opts *CommitOptions) error {
	p, err := treasury.LoadPolicy(opts.Policy)
	if err != nil {
		return err
	}
	v, err := statement.EncodePolicy(p)
	if err != nil {
		return fmt.Errorf("encode policy %s: %w", opts.Policy, err)
	}
	c, err := statement.PolicyCommitment(v)
	if err != nil {
		return err
	}
	el, err := statement.Elements(v.Elements())
	if err != nil {
		return err
	}
	res := CommitResult{Policy: opts.Policy, Commitment: statement.Hex(c)}
	for _, e := range el {
		res.Elements = append(res.Elements, e.String())
	}
	if opts.JSON {
		return cmdutil.PrintJSON(opts.IO.Out, res)
	}
	w := tabwriter.NewWriter(opts.IO.Out, 0, 2, 2, ' ', 0)
	fmt.Fprintf(w, "policy\t%s\n", res.Policy)
	fmt.Fprintf(w, "commitment\t%s\n", res.Commitment)
	fmt.Fprintf(w, "elements\t%d (see README, \"The policy commitment\")\n", len(res.Elements))
	fmt.Fprintf(w, "assets\t%s\n", strings.Join(p.Symbols(), ", "))
	fmt.Fprintf(w, "min solvency ratio\t%s\n", format.Percent(p.MinSolvencyRatioBps))
	fmt.Fprintf(w, "caps\tnotional %s, turnover %s, loss %s (rounded down to 10^-%d USD)\n",
		format.USD(p.NotionalCapUSD), format.USD(p.TurnoverCapUSDPerDay), format.USD(p.LossBudgetUSDPerDay), p.ValueDecimals)
	fmt.Fprintf(w, "paused\t%v\n", p.Paused)
	return w.Flush()
}

// Command zktreasury runs a treasury inside its governance policy and proves, in
// zero knowledge, that it stayed solvent and compliant.
package main

import (
	"os"

	"github.com/zktreasury/zktreasury/cmd/zktreasury/internal/root"
)

func main() {
	os.Exit(root.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

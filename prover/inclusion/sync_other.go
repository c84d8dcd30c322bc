//go:build !linux

package inclusion

import "syscall"

// syncTree makes the files under dir durable (the whole system's buffers,
// where syncfs is not available).
func syncTree(string) error {
	syscall.Sync()
	return nil
}

//go:build !linux

package inclusion

import "syscall"

// syncTree makes the files under dir durable (the whole system's buffers,
// where syncfs is not available).
func syncTree(string) error {
	syscall.Sync()
	return nil
}

// replaceDir puts the directory tmp in dir's place: remove, then rename (a
// crash in between leaves the new set under tmp's name only).
func replaceDir(tmp, dir string) (bool, error) {
	return false, replaceDirNonAtomic(tmp, dir)
}

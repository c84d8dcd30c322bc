package inclusion

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncTree makes the files under dir durable: one syncfs of dir's file
// system, cheaper than an fsync per file for a million small files.
func syncTree(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}

// replaceDir puts the directory tmp in dir's place. Where dir exists and the
// file system supports it, the two are exchanged in one renameat2
// (RENAME_EXCHANGE), so a crash leaves either the old dir or the new one
// under dir's name, never neither; the old set, now at tmp, is then removed.
// It reports whether the swap was that atomic exchange.
func replaceDir(tmp, dir string) (bool, error) {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE)
	if err == nil {
		return true, os.RemoveAll(tmp)
	}
	if err != unix.ENOENT && err != unix.EINVAL && err != unix.ENOSYS && err != unix.ENOTSUP {
		return false, err
	}
	return false, replaceDirNonAtomic(tmp, dir)
}

package checker

// pathKey turns a name shown to users (relative to opts.Cwd) into the
// name fingerprints hash (relative to opts.SourceRoot).
func (d *driver) pathKey(display string) string {
	return keyOf(d.opts, display)
}

func keyOf(opts Options, display string) string {
	if opts.SourceRoot == "" || opts.Cwd == "" {
		return display
	}
	return Rebase(opts.Cwd, opts.SourceRoot, display)
}

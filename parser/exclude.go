package parser

// Excluded reports whether the module directory dir (a path inside the
// file system) is excluded from the scan by Options.Exclude. A call of a
// module there is not followed: its resources are not analyzed and its
// outputs are unknown, as for a module that is not installed.
func (l *Loader) Excluded(dir string) bool {
	return dir != "." && dir != "" && l.opts.Exclude != nil && l.opts.Exclude(dir)
}

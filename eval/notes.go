package eval

import "github.com/hashicorp/hcl/v2"

// NoteKind classifies a note: a warning diagnostic saying what a scan
// did not analyze. Reports show the kind (JSON "notes"[].kind, SARIF
// notification properties) and count notes by kind in their summaries.
// The values are stable: consumers may match them.
type NoteKind string

// The note kinds.
const (
	// NoteModuleNotInstalled: a remote module (registry, git, archive)
	// is neither installed by terraform init (.terraform/modules) nor in
	// the module cache, and downloads are off.
	NoteModuleNotInstalled NoteKind = "module_not_installed"
	// NoteModuleSourceUnsupported: the module source uses a scheme
	// spillway does not fetch (s3::, gcs::, hg::, ...).
	NoteModuleSourceUnsupported NoteKind = "module_source_unsupported"
	// NoteModuleOutsideTree: a local module source leaves the scanned
	// tree, or, inside a fetched package, leaves the package.
	NoteModuleOutsideTree NoteKind = "module_outside_tree"
	// NoteModuleFetchFailed: downloading or unpacking the module failed
	// (network error, bad archive, hostile content, size limit).
	NoteModuleFetchFailed NoteKind = "module_fetch_failed"
	// NoteModuleSourceUnknown: an OpenTofu module source expression has
	// no known value.
	NoteModuleSourceUnknown NoteKind = "module_source_unknown"
	// NoteModuleExcluded: the called module is excluded from the scan
	// (--exclude or the config's exclude).
	NoteModuleExcluded NoteKind = "module_excluded"
	// NotePathOutsideTree: a file function was given a path outside the
	// scanned tree (or the module's fetched package).
	NotePathOutsideTree NoteKind = "path_outside_tree"
	// NoteOther is the kind of a warning diagnostic that carries none.
	NoteOther NoteKind = "note"
)

// NoteKind returns k; it lets a diagnostic's Extra be read as a kind
// with hcl.DiagnosticExtra.
func (k NoteKind) NoteKind() NoteKind { return k }

// noteKinder is what a diagnostic's Extra implements when it carries a
// note kind.
type noteKinder interface{ NoteKind() NoteKind }

// NoteKindOf returns the kind of a warning diagnostic, NoteOther when it
// carries none.
func NoteKindOf(d *hcl.Diagnostic) NoteKind {
	if k, ok := hcl.DiagnosticExtra[noteKinder](d); ok {
		return k.NoteKind()
	}
	return NoteOther
}

// IsModuleNote reports whether a note kind says that a module call was
// not analyzed.
func IsModuleNote(k NoteKind) bool {
	switch k {
	case NoteModuleNotInstalled, NoteModuleSourceUnsupported, NoteModuleOutsideTree, NoteModuleFetchFailed, NoteModuleSourceUnknown, NoteModuleExcluded:
		return true
	default:
		return false
	}
}

package cli

import (
	"runtime/debug"
	"testing"
)

// TestBuildFromBuildInfo: the version, commit and date come from the
// build information (go install ...@v0.2.0 records the module version; a
// build in a clone records vcs.revision and vcs.time), and -ldflags -X
// values win (issue 16 item 13).
func TestBuildFromBuildInfo(t *testing.T) {
	saved := readBuildInfo
	defer func() { readBuildInfo, version, commit, date = saved, "", "", "" }()
	info := &debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef"}, {Key: "vcs.time", Value: "2026-12-02T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	readBuildInfo = func() (*debug.BuildInfo, bool) { return info, true }
	if got := Build(); got != (BuildInfo{Version: "0.2.0", Commit: "0123456789abcdef", Date: "2026-12-02T10:00:00Z", Modified: true}) {
		t.Errorf("Build() = %+v", got)
	}
	info.Main.Version = "v0.0.0-20261202100000-0123456789ab+dirty"
	if got := Build(); got.Version != Version {
		t.Errorf("pseudo-version: Build().Version = %q, want %q", got.Version, Version)
	}
	version, commit, date = "1.0.0", "feed", "2027-01-01"
	if got := Build(); got.Version != "1.0.0" || got.Commit != "feed" || got.Date != "2027-01-01" {
		t.Errorf("-ldflags: Build() = %+v", got)
	}
}

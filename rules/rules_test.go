package rules_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/ruletest"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

func TestValidate(t *testing.T) {
	if err := lint.Validate(rules.Catalog); err != nil {
		t.Fatal(err)
	}
}

// TestRules runs every rule over its fixtures in testdata/rules/<ID>,
// together with the rules that fold it (lint.Rule.Folds), as a scan does.
func TestRules(t *testing.T) {
	for _, r := range rules.All {
		t.Run(r.ID, func(t *testing.T) {
			t.Parallel()
			ruletest.Run(t, r, filepath.Join("..", "testdata", "rules", r.ID), folders(r)...)
		})
	}
}

// folders returns the rules whose findings absorb r's.
func folders(r *lint.Rule) []*lint.Rule {
	var out []*lint.Rule
	for _, o := range rules.All {
		if slices.Contains(o.Folds, r.ID) {
			out = append(out, o)
		}
	}
	return out
}

// TestFixturesExist checks that every rule has at least one case that
// fires (bad_*) and one that stays quiet (good_*).
func TestFixturesExist(t *testing.T) {
	for _, r := range rules.All {
		entries, err := os.ReadDir(filepath.Join("..", "testdata", "rules", r.ID))
		if err != nil {
			t.Errorf("%s: no fixtures: %v", r.ID, err)
			continue
		}
		var bad, good bool
		for _, e := range entries {
			bad = bad || strings.HasPrefix(e.Name(), "bad_")
			good = good || strings.HasPrefix(e.Name(), "good_")
		}
		if !bad || !good {
			t.Errorf("%s: needs at least one bad_* and one good_* fixture (bad=%v good=%v)", r.ID, bad, good)
		}
	}
}

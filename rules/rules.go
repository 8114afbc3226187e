package rules

import (
	"fmt"
	"strings"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// All is every check a scan runs, sorted by ID: the catalog of
// spec/rules.md. The configuration file, --only, --enable and --disable
// choose among them.
var All = []*lint.Rule{
	SPW101,
	SPW102,
	SPW103,
	SPW104,
	SPW105,
	SPW106,
	SPW107,
	SPW108,
	SPW109,
	SPW110,
	SPW111,
	SPW201,
	SPW202,
	SPW203,
	SPW204,
	SPW205,
	SPW206,
	SPW301,
	SPW302,
	SPW303,
	SPW401,
	SPW402,
	SPW403,
	SPW404,
	SPW405,
	SPW406,
	SPW407,
	SPW501,
	SPW502,
	SPW503,
	SPW504,
	SPW505,
	SPW506,
}

// Catalog is every rule, sorted by ID: SPW000, whose findings the scan's
// suppression pass produces (it is always on and has no check over the
// graph), then the checks of All. Every rule in it has a documentation
// page; lint.Validate checks it at startup.
var Catalog = append([]*lint.Rule{SPW000}, All...)

// ByID returns the check of All with the given ID, or nil.
func ByID(id string) *lint.Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Lookup returns the rule of Catalog with the given ID (in any case) or
// name, or nil.
func Lookup(idOrName string) *lint.Rule {
	for _, r := range Catalog {
		if strings.EqualFold(r.ID, idOrName) || r.Name == idOrName {
			return r
		}
	}
	return nil
}

func rel(r *graph.Resource, role string) lint.Related {
	return lint.Related{Resource: r, Role: role}
}

// describeTriggers names the first trigger and counts the others.
func describeTriggers(ts []*graph.Trigger) string {
	if len(ts) == 0 {
		return ""
	}
	s := fmt.Sprintf("%s (%s)", ts[0].Source.Addr, ts[0].What)
	if len(ts) > 1 {
		s += fmt.Sprintf(" and %d more", len(ts)-1)
	}
	return s
}

// quote returns s in double quotes for messages.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// seconds formats a duration in seconds for messages.
func seconds(n int64) string {
	switch {
	case n >= 86400 && n%86400 == 0:
		return fmt.Sprintf("%d s (%d days)", n, n/86400)
	case n >= 3600 && n%3600 == 0:
		return fmt.Sprintf("%d s (%d hours)", n, n/3600)
	}
	return fmt.Sprintf("%d s", n)
}

// functionOrElse names fn in a message, or says what when the function is
// outside this root module or cannot be resolved; related lists fn with
// its role.
func functionOrElse(fn *graph.Function, what, role string) (name string, related []lint.Related) {
	if fn == nil {
		return what, nil
	}
	return fn.Addr, []lint.Related{rel(fn.Resource, role)}
}

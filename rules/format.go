package rules

import "fmt"

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

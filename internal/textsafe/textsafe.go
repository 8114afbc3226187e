// Package textsafe makes text that came from scanned files, paths or
// baselines safe to print: on a terminal, in a CI log, in a report. It is
// the one sanitizer of the reports and of every stderr message.
package textsafe

import (
	"fmt"
	"strings"
)

// Sanitize removes terminal control sequences and other control
// characters from text that came from scanned code, so that it cannot
// rewrite a terminal; newlines and tabs become visible escapes.
func Sanitize(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case isControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

package benchgen

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

// hb accumulates HCL text. Templates need no indentation: bytes formats
// the result the way terraform fmt does (indentation, aligned equals
// signs).
type hb struct {
	b bytes.Buffer
}

// add appends a template with {{key}} placeholders replaced by the given
// key/value pairs, followed by a blank line.
func (h *hb) add(tmpl string, kv ...string) {
	h.b.WriteString(strings.TrimLeft(t(tmpl, kv...), "\n"))
	if !bytes.HasSuffix(h.b.Bytes(), []byte("\n")) {
		h.b.WriteByte('\n')
	}
	h.b.WriteByte('\n')
}

// f appends one formatted line.
func (h *hb) f(format string, a ...any) {
	fmt.Fprintf(&h.b, format, a...)
	h.b.WriteByte('\n')
}

// comment appends a section comment, as people write them.
func (h *hb) comment(text string) {
	h.b.WriteString("# " + text + "\n\n")
}

// bytes returns the canonically formatted text without trailing blank
// lines.
func (h *hb) bytes() []byte {
	out := hclwrite.Format(bytes.TrimRight(h.b.Bytes(), "\n"))
	return append(bytes.TrimRight(out, "\n"), '\n')
}

// assumeRolePolicy is the jsonencode'd trust policy of an IAM role that
// the service principal (an HCL expression) may assume: the argument's
// value, to follow "assume_role_policy = " in a template.
func assumeRolePolicy(principal string) string {
	return `jsonencode({
  Version = "2012-10-17"
  Statement = [{
    Effect    = "Allow"
    Action    = "sts:AssumeRole"
    Principal = { Service = ` + principal + ` }
  }]
})`
}

// t replaces {{key}} placeholders in tmpl. A placeholder without a value is
// a bug in the generator's templates.
func t(tmpl string, kv ...string) string {
	if len(kv)%2 != 0 {
		panic("benchgen: odd number of template arguments")
	}
	pairs := make([]string, 0, len(kv))
	for i := 0; i < len(kv); i += 2 {
		pairs = append(pairs, "{{"+kv[i]+"}}", kv[i+1])
	}
	out := strings.NewReplacer(pairs...).Replace(tmpl)
	if i := strings.Index(out, "{{"); i >= 0 {
		end := min(len(out), i+40)
		panic(fmt.Sprintf("benchgen: unfilled placeholder in template near %q", out[i:end]))
	}
	return out
}

// q quotes a string as an HCL string literal. Values are plain names, so
// Go's quoting is HCL's.
func q(s string) string { return strconv.Quote(s) }

// qlist renders a list of strings as an HCL tuple.
func qlist(xs []string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = q(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// itoa formats an int.
func itoa(n int) string { return strconv.Itoa(n) }

// btoa formats a bool.
func btoa(b bool) string { return strconv.FormatBool(b) }

// obj renders an HCL object from attribute lines ("name = value").
func obj(attrs []string) string {
	if len(attrs) == 0 {
		return "{}"
	}
	return "{\n" + strings.Join(attrs, "\n") + "\n}"
}

package eval_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

// blockDesc renders blocks and the given arguments for comparison.
func blockDesc(blocks []*eval.Block, attrs ...string) []string {
	out := []string{}
	for _, b := range blocks {
		s := fmt.Sprintf("line %d", b.DefRange.Start.Line)
		if b.Unknown {
			s += " unknown"
		}
		for _, a := range attrs {
			v := b.Attr(a).Val
			switch {
			case v == cty.NilVal:
				s += fmt.Sprintf(" %s=<absent>", a)
			case !v.IsKnown():
				s += fmt.Sprintf(" %s=<unknown>", a)
			default:
				s += fmt.Sprintf(" %s=%s", a, unmarked(v).GoString())
			}
		}
		out = append(out, s)
	}
	return out
}

func TestDynamicBlocks(t *testing.T) {
	t.Parallel()
	num := cty.NumberIntVal
	tests := []struct {
		name string
		got  func(sg, keyed *eval.Instance) []string
		want []string
	}{
		{
			name: "dynamic expanded",
			got:  func(sg, _ *eval.Instance) []string { return blockDesc(sg.Blocks("ingress"), "from_port", "index") },
			want: []string{
				"line 13 from_port=" + num(80).GoString() + " index=" + num(0).GoString(),
				"line 13 from_port=" + num(443).GoString() + " index=" + num(1).GoString(),
			},
		},
		{
			name: "nested dynamic with an iterator",
			got: func(sg, _ *eval.Instance) []string {
				var out []string
				for _, b := range sg.Blocks("ingress") {
					out = append(out, blockDesc(b.Blocks("cidr"), "block", "pos")...)
				}
				return out
			},
			want: []string{
				`line 19 block=cty.StringVal("10.0.0.0/8") pos=cty.StringVal("0.0")`,
				`line 19 block=cty.StringVal("172.16.0.0/12") pos=cty.StringVal("0.1")`,
				`line 19 block=cty.StringVal("192.168.0.0/16") pos=cty.StringVal("1.0")`,
			},
		},
		{
			name: "static block",
			got:  func(sg, _ *eval.Instance) []string { return blockDesc(sg.Blocks("egress"), "from_port", "to_port") },
			want: []string{"line 30 from_port=" + num(0).GoString() + " to_port=<absent>"},
		},
		{
			name: "unknown for_each",
			got:  func(sg, _ *eval.Instance) []string { return blockDesc(sg.Blocks("maybe"), "port") },
			want: []string{"line 34 unknown port=<unknown>"},
		},
		{
			name: "nested in an unknown dynamic block",
			got: func(sg, _ *eval.Instance) []string {
				var out []string
				for _, b := range sg.Blocks("maybe") {
					out = append(out, blockDesc(b.Blocks("inner"), "n")...)
				}
				return out
			},
			// The nested for_each is known, but everything inside an
			// unknown block is unknown.
			want: []string{"line 38 unknown n=<unknown>", "line 38 unknown n=<unknown>"},
		},
		{
			name: "empty for_each",
			got:  func(sg, _ *eval.Instance) []string { return blockDesc(sg.Blocks("never"), "port") },
			want: []string{},
		},
		{
			name: "dynamic block using each",
			got: func(_, keyed *eval.Instance) []string {
				return blockDesc(keyed.Blocks("ingress"), "from_port", "label")
			},
			want: []string{"line 58 from_port=" + num(8080).GoString() + ` label=cty.StringVal("web/only")`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := fixtureRoot(t, "dynamic", ".", eval.Options{})
			sg := lookup(t, r, "aws_security_group", "aws_security_group.sg")
			keyed := lookup(t, r, "aws_security_group", `aws_security_group.keyed["web"]`)
			if diff := cmp.Diff(tt.want, tt.got(sg, keyed)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
			checkDiags(t, r, nil)
		})
	}
}

func TestDynamicUnknownOrigin(t *testing.T) {
	t.Parallel()
	r := fixtureRoot(t, "dynamic", ".", eval.Options{})
	sg := lookup(t, r, "aws_security_group", "aws_security_group.sg")
	blocks := sg.Blocks("maybe")
	if len(blocks) != 1 {
		t.Fatalf("blocks = %d, want 1", len(blocks))
	}
	if diff := cmp.Diff([]string{"var.unknown"}, eval.Origins(blocks[0].Attr("port").Val)); diff != "" {
		t.Errorf("Origins (-want +got):\n%s", diff)
	}
}

func TestDynamicInvalidForEach(t *testing.T) {
	t.Parallel()
	r := srcRoot(t, `resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = 5
    content {
      from_port = ingress.value
    }
  }
}
`)
	sg := lookup(t, r, "aws_security_group", "aws_security_group.sg")
	if got := sg.Blocks("ingress"); len(got) != 0 {
		t.Errorf("blocks = %d, want 0", len(got))
	}
	checkDiags(t, r, []diag{{hcl.DiagError, "Invalid dynamic for_each value", "main.tf:3,16"}})
}

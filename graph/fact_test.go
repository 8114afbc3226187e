package graph_test

import (
	"testing"

	"github.com/spillway-iac/spillway/graph"
)

var (
	yes = graph.Yes()
	no  = graph.No()
	ma  = graph.Maybe("var.a")
	mb  = graph.Maybe("var.b")
)

func TestFactLogic(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		got  graph.Fact
		want graph.Fact
	}{
		{"not yes", yes.Not(), no},
		{"not no", no.Not(), yes},
		{"not maybe", ma.Not(), ma},

		{"yes and yes", yes.And(yes), yes},
		{"yes and no", yes.And(no), no},
		{"maybe and no", ma.And(no), no},
		{"no and maybe", no.And(ma), no},
		{"maybe and yes", ma.And(yes), ma},
		{"yes and maybe", yes.And(mb), mb},
		{"maybe and maybe: first reason", ma.And(mb), ma},

		{"no or no", no.Or(no), no},
		{"no or yes", no.Or(yes), yes},
		{"maybe or yes", ma.Or(yes), yes},
		{"maybe or no", ma.Or(no), ma},
		{"no or maybe", no.Or(mb), mb},
		{"maybe or maybe: first reason", ma.Or(mb), ma},

		{"any of none", graph.Any(), no},
		{"any: yes wins", graph.Any(ma, no, yes), yes},
		{"any: first reason", graph.Any(no, mb, ma), mb},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
}

func TestMaybeNeverDecided(t *testing.T) {
	t.Parallel()
	if f := graph.Maybe(""); !f.Undecided() {
		t.Errorf("Maybe(\"\") = %+v, want undecided", f)
	}
}

func TestNumComparisons(t *testing.T) {
	t.Parallel()
	n3, n5 := graph.Num{N: 3}, graph.Num{N: 5}
	ua, ub := graph.Num{Why: "var.a"}, graph.Num{Why: "var.b"}
	tests := []struct {
		name string
		got  graph.Fact
		want graph.Fact
	}{
		{"3 < 5", n3.Less(n5), yes},
		{"5 < 3", n5.Less(n3), no},
		{"5 < 5", n5.Less(n5), no},
		{"a < 5", ua.Less(n5), ma},
		{"3 < b", n3.Less(ub), mb},
		{"a < b: first reason", ua.Less(ub), ma},
		{"5 <= 5", n5.AtMost(n5), yes},
		{"5 <= 3", n5.AtMost(n3), no},
		{"a <= b: first reason", ua.AtMost(ub), ma},
		{"3 <= b", n3.AtMost(ub), mb},
		{"3 == 3", n3.Is(3), yes},
		{"3 == 5", n3.Is(5), no},
		{"a == 3", ua.Is(3), ma},
		{"3 below 5", n3.Below(5), yes},
		{"5 below 5", n5.Below(5), no},
		{"a below 5", ua.Below(5), ma},
		{"5 above 3", n5.Above(3), yes},
		{"3 above 3", n3.Above(3), no},
		{"a above 3", ua.Above(3), ma},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
	if got := n3.Times(6); got.N != 18 {
		t.Errorf("3 x 6 = %d", got.N)
	}
	if got := ua.Times(6); got.Why != "var.a" {
		t.Errorf("unknown x 6 = %+v, want unknown", got)
	}
}

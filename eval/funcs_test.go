package eval_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

// funcRoot evaluates local.v = expr in a module that also holds two files
// for the file functions.
func funcRoot(t *testing.T, expr string) *eval.Root {
	t.Helper()
	l := mapLoader(map[string]string{
		"main.tf":              "locals {\n  v = " + expr + "\n}\n",
		"files/hello.txt":      "hello\n",
		"files/greeting.tftpl": "Hello, ${name}!%{ for i in items } [${i}]%{ endfor }\n",
	})
	return newRoot(t, l, ".", eval.Options{})
}

func TestFunctions(t *testing.T) {
	t.Parallel()
	str := cty.StringVal
	num := cty.NumberIntVal
	strs := func(ss ...string) []cty.Value {
		out := make([]cty.Value, len(ss))
		for i, s := range ss {
			out[i] = str(s)
		}
		return out
	}
	nums := func(ns ...int64) []cty.Value {
		out := make([]cty.Value, len(ns))
		for i, n := range ns {
			out[i] = num(n)
		}
		return out
	}
	obj := func(kv ...any) cty.Value {
		m := map[string]cty.Value{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1].(cty.Value)
		}
		return cty.ObjectVal(m)
	}
	tests := []struct {
		name, expr string
		want       cty.Value
	}{
		{"abs", `abs(-3)`, num(3)},
		{"ceil", `ceil(1.2)`, num(2)},
		{"floor", `floor(1.8)`, num(1)},
		{"chomp", `chomp("a\n")`, str("a")},
		{"chunklist", `chunklist(["a", "b", "c"], 2)`, cty.ListVal([]cty.Value{cty.ListVal(strs("a", "b")), cty.ListVal(strs("c"))})},
		{"coalesce", `coalesce(null, "", "b", "c")`, str("b")},
		{"coalescelist", `coalescelist([], ["a"])`, cty.TupleVal(strs("a"))},
		{"compact", `compact(["a", "", "b", null])`, cty.ListVal(strs("a", "b"))},
		{"concat", `concat(["a"], ["b", "c"])`, cty.TupleVal(strs("a", "b", "c"))},
		{"contains", `contains(["a", "b"], "b")`, cty.True},
		{"csvdecode", `csvdecode("a,b\n1,2\n")`, cty.ListVal([]cty.Value{obj("a", str("1"), "b", str("2"))})},
		{"distinct", `distinct(["a", "b", "a"])`, cty.ListVal(strs("a", "b"))},
		{"element", `element(["a", "b", "c"], 4)`, str("b")},
		{"flatten", `flatten([["a"], ["b", ["c"]], []])`, cty.TupleVal(strs("a", "b", "c"))},
		{"format", `format("%s-%03d", "x", 7)`, str("x-007")},
		{"formatdate", `formatdate("YYYY-MM-DD hh:mm", "2024-01-02T03:04:05Z")`, str("2024-01-02 03:04")},
		{"formatlist", `formatlist("%s!", ["a", "b"])`, cty.ListVal(strs("a!", "b!"))},
		{"indent", `indent(2, "a\nb")`, str("a\n  b")},
		{"join", `join(",", ["a", "b"], ["c"])`, str("a,b,c")},
		{"jsondecode", `jsondecode("{\"a\": [1, true]}")`, obj("a", cty.TupleVal([]cty.Value{num(1), cty.True}))},
		{"jsonencode", `jsonencode({ b = [1, "x"], a = null })`, str(`{"a":null,"b":[1,"x"]}`)},
		{"keys", `keys({ b = 1, a = 2 })`, cty.TupleVal(strs("a", "b"))},
		{"log", `log(8, 2)`, num(3)},
		{"lookup", `lookup({ a = "x" }, "b", "fallback")`, str("fallback")},
		{"lookup found", `lookup({ a = "x" }, "a", "fallback")`, str("x")},
		{"lookup without default", `lookup({ a = "x" }, "a")`, str("x")},
		{"lookup in a map", `lookup(tomap({ a = 1 }), "b", 2)`, num(2)},
		{"lookup null default", `lookup({ a = "x" }, "b", null)`, cty.NullVal(cty.DynamicPseudoType)},
		{"lower", `lower("AbC")`, str("abc")},
		{"upper", `upper("AbC")`, str("ABC")},
		{"max", `max(1, 5, 3)`, num(5)},
		{"min", `min(4, 2, 9)`, num(2)},
		{"merge", `merge({ a = 1, b = 2 }, { b = 3 })`, obj("a", num(1), "b", num(3))},
		{"parseint", `parseint("ff", 16)`, num(255)},
		{"pow", `pow(2, 10)`, num(1024)},
		{"range", `range(3)`, cty.ListVal(nums(0, 1, 2))},
		{"range step", `range(1, 7, 2)`, cty.ListVal(nums(1, 3, 5))},
		{"range empty", `range(0)`, cty.ListValEmpty(cty.Number)},
		{"regex", `regex("^(\\w+)-(\\d+)$", "ab-12")`, cty.TupleVal(strs("ab", "12"))},
		{"regexall", `regexall("\\d", "a1b2")`, cty.ListVal(strs("1", "2"))},
		{"reverse", `reverse([1, 2, 3])`, cty.TupleVal(nums(3, 2, 1))},
		{"setintersection", `setintersection(["a", "b"], ["b", "c"])`, cty.SetVal(strs("b"))},
		{"setproduct", `setproduct(["a"], ["x", "y"])`, cty.ListVal([]cty.Value{cty.TupleVal(strs("a", "x")), cty.TupleVal(strs("a", "y"))})},
		{"setsubtract", `setsubtract(["a", "b"], ["b"])`, cty.SetVal(strs("a"))},
		{"setunion", `setunion(["a"], ["b"])`, cty.SetVal(strs("a", "b"))},
		{"signum", `signum(-5)`, num(-1)},
		{"slice", `slice(["a", "b", "c"], 1, 3)`, cty.TupleVal(strs("b", "c"))},
		{"sort", `sort(["b", "c", "a"])`, cty.ListVal(strs("a", "b", "c"))},
		{"split", `split(",", "a,b")`, cty.ListVal(strs("a", "b"))},
		{"strrev", `strrev("abc")`, str("cba")},
		{"substr", `substr("hello", 1, 3)`, str("ell")},
		{"timeadd", `timeadd("2024-01-01T00:00:00Z", "90m")`, str("2024-01-01T01:30:00Z")},
		{"title", `title("hello world")`, str("Hello World")},
		{"trim", `trim("?!hi!?", "!?")`, str("hi")},
		{"trimprefix", `trimprefix("helloworld", "hello")`, str("world")},
		{"trimsuffix", `trimsuffix("helloworld", "world")`, str("hello")},
		{"trimspace", `trimspace("  a \n")`, str("a")},
		{"values", `values({ b = 2, a = 1 })`, cty.TupleVal(nums(1, 2))},
		{"zipmap", `zipmap(["a", "b"], [1, 2])`, obj("a", num(1), "b", num(2))},
		{"tobool", `tobool("true")`, cty.True},
		{"tonumber", `tonumber("42")`, num(42)},
		{"tostring", `tostring(5)`, str("5")},
		{"tolist", `tolist(["a", "b"])`, cty.ListVal(strs("a", "b"))},
		{"toset", `toset(["b", "a", "b"])`, cty.SetVal(strs("a", "b"))},
		{"tomap", `tomap({ a = "x", b = 1 })`, cty.MapVal(map[string]cty.Value{"a": str("x"), "b": str("1")})},
		{"try", `try(tonumber("x"), 7)`, num(7)},
		{"can", `can(tonumber("x"))`, cty.False},
		{"length of a string", `length("héllo")`, num(5)},
		{"length of a list", `length([1, 2, 3])`, num(3)},
		{"length of a map", `length(tomap({ a = 1 }))`, num(1)},
		{"length of an object", `length({ a = 1, b = 2 })`, num(2)},
		{"length of a tuple with unknowns", `length([timestamp(), 1])`, num(2).Mark(eval.Origin{Expr: "timestamp()"})},
		{"length of a set", `length(toset(["a", "a", "b"]))`, num(2)},
		{"coalesce numbers", `coalesce(null, 0, 1)`, num(0)},
		{"replace", `replace("a-b-c", "-", "_")`, str("a_b_c")},
		{"replace regex", `replace("a1b22", "/[0-9]+/", "#")`, str("a#b#")},
		{"replace regex groups", `replace("key=val", "/(\\w+)=(\\w+)/", "$2=$1")`, str("val=key")},
		{"one", `one(["x"])`, str("x")},
		{"one of none", `one([])`, cty.NullVal(cty.DynamicPseudoType)},
		{"alltrue", `alltrue([true, false])`, cty.False},
		{"alltrue of none", `alltrue([])`, cty.True},
		{"anytrue", `anytrue([false, true])`, cty.True},
		{"anytrue of none", `anytrue([])`, cty.False},
		{"sum", `sum([1, 2, 3.5])`, cty.NumberFloatVal(6.5)},
		{"index", `index(["a", "b"], "b")`, num(1)},
		{"startswith", `startswith("hello", "he")`, cty.True},
		{"endswith", `endswith("hello", "he")`, cty.False},
		{"strcontains", `strcontains("hello", "ell")`, cty.True},
		{"base64encode", `base64encode("hi")`, str("aGk=")},
		{"base64decode", `base64decode("aGk=")`, str("hi")},
		{"urlencode", `urlencode("a b&c")`, str("a+b%26c")},
		{"basename", `basename("a/b/c.txt")`, str("c.txt")},
		{"dirname", `dirname("a/b/c.txt")`, str("a/b")},
		{"md5", `md5("hi")`, str("49f68a5c8493ec2c0bf489821c21fc3b")},
		{"sha1", `sha1("hi")`, str("c22b5f9178342609428d6f51b2c5af4c0bde6a42")},
		{"sha256", `sha256("hi")`, str("8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4")},
		{"sha512", `sha512("hi")`, str("150a14ed5bea6cc731cf86c41566ac427a8db48ef1b9fd626664b3bfbb99071fa4c922f33dde38719b8c8354e2b7ab9d77e0e67fc12843920a712e73d558e197")},
		{"base64sha256", `base64sha256("hi")`, str("j0NDRmSPa5bfid2pAcUXaxCm2Dlh3TwayItZstwyeqQ=")},
		{"base64sha512", `base64sha512("hi")`, str("FQoU7VvqbMcxz4bEFWasQnqNtI7xuf1iZmSzv7uZBx+kySLzPd44cZuMg1Tit6udd+Dmf8EoQ5IKcS5z1Vjhlw==")},
		{"sensitive", `sensitive("s")`, str("s")},
		{"nonsensitive", `nonsensitive("s")`, str("s")},
		{"issensitive", `issensitive("s")`, cty.False},
		{"file", `file("files/hello.txt")`, str("hello\n")},
		{"filebase64", `filebase64("files/hello.txt")`, str("aGVsbG8K")},
		{"filemd5", `filemd5("files/hello.txt")`, str("b1946ac92492d2347c6235b4d2611184")},
		{"filesha256", `filesha256("files/hello.txt")`, str("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")},
		{"filebase64sha256", `filebase64sha256("files/hello.txt")`, str("WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM=")},
		{"fileexists", `fileexists("files/hello.txt")`, cty.True},
		{"fileexists missing", `fileexists("files/nope.txt")`, cty.False},
		{"templatefile", `templatefile("files/greeting.tftpl", { name = "Ann", items = [1, 2] })`, str("Hello, Ann! [1] [2]\n")},
		{"path.module in a file path", `file("${path.module}/files/hello.txt")`, str("hello\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := funcRoot(t, tt.expr)
			got := local(r, "v")
			if diff := cmp.Diff(tt.want, got, ctyCmp); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.expr, diff)
			}
			checkDiags(t, r, nil)
		})
	}
}

// TestFunctionsUnknown covers functions whose result spillway cannot know:
// the result is unknown, says why, and no error is reported.
func TestFunctionsUnknown(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, expr string
		wantType   cty.Type
		wantOrigin []string
	}{
		{"unknown function", `nosuch(1, "a")`, cty.DynamicPseudoType, []string{"nosuch()"}},
		{"unknown function nested", `upper(nosuch(1))`, cty.DynamicPseudoType, []string{"nosuch()"}},
		{"provider function", `provider::aws::arn_parse("arn:aws:iam::123456789012:role/x")`, cty.DynamicPseudoType, []string{"provider::aws::arn_parse()"}},
		{"provider function member", `provider::aws::arn_parse("arn:aws:sqs:eu-west-1:1:q").region`, cty.DynamicPseudoType, []string{"provider::aws::arn_parse()"}},
		{"timestamp", `timestamp()`, cty.String, []string{"timestamp()"}},
		{"plantimestamp", `plantimestamp()`, cty.String, []string{"plantimestamp()"}},
		{"uuid", `uuid()`, cty.String, []string{"uuid()"}},
		{"bcrypt", `bcrypt("secret")`, cty.String, []string{"bcrypt()"}},
		{"file missing", `file("build/app.zip")`, cty.String, []string{`file("build/app.zip")`}},
		{"file outside the tree", `file("../secrets.txt")`, cty.String, []string{`file("../secrets.txt")`}},
		{"file absolute", `filebase64("/etc/passwd")`, cty.String, []string{`filebase64("/etc/passwd")`}},
		{"fileexists outside the tree", `fileexists("../x")`, cty.Bool, []string{`fileexists("../x")`}},
		{"templatefile missing", `templatefile("nope.tftpl", {})`, cty.String, []string{`templatefile("nope.tftpl")`}},
		{"length of an unknown", `length(timestamp())`, cty.Number, []string{"timestamp()"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := funcRoot(t, tt.expr)
			got := local(r, "v")
			if got.IsKnown() {
				t.Fatalf("%s = %#v, want unknown", tt.expr, got)
			}
			if !got.Type().Equals(tt.wantType) {
				t.Errorf("%s has type %s, want %s", tt.expr, got.Type().FriendlyName(), tt.wantType.FriendlyName())
			}
			if diff := cmp.Diff(tt.wantOrigin, eval.Origins(got)); diff != "" {
				t.Errorf("Origins(%s) (-want +got):\n%s", tt.expr, diff)
			}
			var want []diag
			if strings.Contains(tt.name, "outside") || strings.Contains(tt.name, "absolute") {
				// Paths out of the scanned tree are never read, and a
				// note says so.
				want = []diag{{hcl.DiagWarning, "Path outside the scanned tree", "main.tf:2,7"}}
			}
			checkDiags(t, r, want)
		})
	}
}

func TestFunctionErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, expr string
		want       []diag
	}{
		{"bad conversion", `tonumber("abc")`, []diag{{hcl.DiagError, "Invalid function argument", "main.tf:2,17"}}},
		{"wrong argument count", `upper("a", "b")`, []diag{{hcl.DiagError, "Too many function arguments", "main.tf:2,19"}}},
		{"one of many", `one([1, 2])`, []diag{{hcl.DiagError, "Invalid function argument", "main.tf:2,11"}}},
		{"lookup of a missing key", `lookup({ a = 1 }, "b")`, []diag{{hcl.DiagError, "Invalid function argument", "main.tf:2,14"}}},
		{"lookup in a map of a missing key", `lookup(tomap({ a = 1 }), "b")`, []diag{{hcl.DiagError, "Error in function call", "main.tf:2,7"}}},
		{"coalesce of nothing", `coalesce(null, "")`, []diag{{hcl.DiagError, "Error in function call", "main.tf:2,7"}}},
		{"length of a number", `length(5)`, []diag{{hcl.DiagError, "Invalid function argument", "main.tf:2,14"}}},
		{"bad regex", `replace("a", "/(/", "b")`, []diag{{hcl.DiagError, "Error in function call", "main.tf:2,7"}}},
		{"huge range", `range(1000000000)`, []diag{{hcl.DiagError, "Error in function call", "main.tf:2,7"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := funcRoot(t, tt.expr)
			if got := local(r, "v"); got.IsKnown() {
				t.Errorf("%s = %#v, want unknown", tt.expr, got)
			}
			checkDiags(t, r, tt.want)
		})
	}
}

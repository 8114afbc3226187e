package eval_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

func referencesQueue(t *testing.T) (*eval.Root, *eval.Instance) {
	t.Helper()
	r := fixtureRoot(t, "references", ".", eval.Options{})
	return r, lookup(t, r, "aws_sqs_queue", "aws_sqs_queue.q")
}

func TestReferences(t *testing.T) {
	t.Parallel()
	fnArn := eval.Ref{Addr: "aws_lambda_function.f", Attr: "arn"}
	fnTimeout := eval.Ref{Addr: "aws_lambda_function.f", Attr: "timeout"}
	tests := []struct {
		attr string
		// want is the value without marks; cty.DynamicVal for an
		// unknown of any type.
		want        cty.Value
		wantRefs    []eval.Ref
		wantOrigins []string
	}{
		// A configured argument of another resource is its value.
		{"visibility_timeout_seconds", cty.NumberIntVal(45), []eval.Ref{fnTimeout}, []string{}},
		{"timeout_via_local", cty.NumberIntVal(45), []eval.Ref{fnTimeout}, []string{}},
		{"timeout_times_six", cty.NumberIntVal(270), []eval.Ref{fnTimeout}, []string{}},
		{"role_name", cty.StringVal("role"), []eval.Ref{{Addr: "aws_iam_role.r", Attr: "name"}}, []string{}},
		{"counted_name", cty.StringVal("c1"), []eval.Ref{{Addr: "aws_sqs_queue.c[1]", Attr: "name"}}, []string{}},
		// Computed attributes are unknown and remember their resource.
		{"role_id", cty.DynamicVal, []eval.Ref{{Addr: "aws_iam_role.r", Attr: "id"}}, []string{}},
		{"counted_arn", cty.DynamicVal, []eval.Ref{{Addr: "aws_sqs_queue.c[0]", Attr: "arn"}}, []string{}},
		{"keyed_arn", cty.DynamicVal, []eval.Ref{{Addr: `aws_sqs_queue.k["x"]`, Attr: "arn"}}, []string{}},
		{"arn_via_local", cty.DynamicVal, []eval.Ref{fnArn}, []string{}},
		// through a module input and output (converted to string there;
		// an AWS resource's ARN is known to start with "arn:")
		{"arn_via_module", cty.UnknownVal(cty.String).Refine().NotNull().StringPrefixFull("arn:").NewValue(), []eval.Ref{fnArn}, []string{}},
		{"module_resource", cty.DynamicVal, []eval.Ref{{Addr: "module.wrap.aws_sns_topic.t", Attr: "arn"}}, []string{}},
		// through conditionals, known and unknown
		{"arn_if_enabled", cty.DynamicVal, []eval.Ref{fnArn}, []string{}},
		{"arn_or_invoke", cty.DynamicVal, []eval.Ref{fnArn, {Addr: "aws_lambda_function.f", Attr: "invoke_arn"}}, []string{"var.unknown_flag"}},
		// Data sources are unknown with an origin.
		{"account", cty.DynamicVal, []eval.Ref{}, []string{"data.aws_caller_identity.me"}},
	}
	for _, tt := range tests {
		t.Run(tt.attr, func(t *testing.T) {
			t.Parallel()
			r, q := referencesQueue(t)
			v := q.Attr(tt.attr)
			if !v.Present() {
				t.Fatalf("%s is absent", tt.attr)
			}
			got := unmarked(v.Val)
			if tt.want == cty.DynamicVal {
				if got.IsKnown() {
					t.Errorf("%s = %#v, want unknown", tt.attr, got)
				}
			} else if diff := cmp.Diff(tt.want, got, ctyCmp); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.attr, diff)
			}
			refs := eval.Refs(v.Val)
			if refs == nil {
				refs = []eval.Ref{}
			}
			if diff := cmp.Diff(tt.wantRefs, refs); diff != "" {
				t.Errorf("Refs(%s) (-want +got):\n%s", tt.attr, diff)
			}
			if diff := cmp.Diff(tt.wantOrigins, eval.Origins(v.Val)); diff != "" {
				t.Errorf("Origins(%s) (-want +got):\n%s", tt.attr, diff)
			}
			checkDiags(t, r, nil)
		})
	}
}

func TestReferenceIntoModule(t *testing.T) {
	t.Parallel()
	r := fixtureRoot(t, "references", ".", eval.Options{})
	p := lookup(t, r, "aws_lambda_permission", "module.wrap.aws_lambda_permission.p")
	v := p.Attr("function_name").Val
	if v.IsKnown() {
		t.Errorf("function_name = %#v, want unknown", v)
	}
	if diff := cmp.Diff([]eval.Ref{{Addr: "aws_lambda_function.f", Attr: "arn"}}, eval.Refs(v)); diff != "" {
		t.Errorf("Refs (-want +got):\n%s", diff)
	}
	checkDiags(t, r, nil)
}

func TestReferenceSplat(t *testing.T) {
	t.Parallel()
	_, q := referencesQueue(t)
	v := q.Attr("splat_names").Val
	want := cty.TupleVal([]cty.Value{cty.StringVal("c0"), cty.StringVal("c1")})
	checkVal(t, "splat_names", v, want)
	elem, _ := v.Unmark()
	if diff := cmp.Diff([]eval.Ref{{Addr: "aws_sqs_queue.c[1]", Attr: "name"}}, eval.Refs(elem.Index(cty.NumberIntVal(1)))); diff != "" {
		t.Errorf("Refs(splat_names[1]) (-want +got):\n%s", diff)
	}
}

func TestJSONSource(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		val  func(r *eval.Root, q *eval.Instance) cty.Value
	}{
		{"jsonencode in the resource", func(_ *eval.Root, q *eval.Instance) cty.Value { return q.Attr("policy").Val }},
		{"jsonencode in a module output", func(_ *eval.Root, q *eval.Instance) cty.Value { return q.Attr("policy_from_module").Val }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, q := referencesQueue(t)
			v := tt.val(r, q)
			if v.IsKnown() {
				t.Fatalf("value = %#v, want unknown", v)
			}
			if diff := cmp.Diff([]eval.Ref{{Addr: "aws_lambda_function.f", Attr: "arn"}}, eval.Refs(v)); diff != "" {
				t.Errorf("Refs (-want +got):\n%s", diff)
			}
			src, ok := eval.JSONSource(v)
			if !ok {
				t.Fatal("JSONSource: no encoded value")
			}
			// Find the Resource argument wherever it is in the document.
			var res cty.Value
			_ = cty.Walk(src, func(p cty.Path, v cty.Value) (bool, error) {
				if len(p) > 0 {
					if ga, ok := p[len(p)-1].(cty.GetAttrStep); ok && ga.Name == "Resource" {
						res = v
					}
				}
				return true, nil
			})
			if res == cty.NilVal {
				t.Fatalf("no Resource in %#v", src)
			}
			if diff := cmp.Diff([]eval.Ref{{Addr: "aws_lambda_function.f", Attr: "arn"}}, eval.Refs(res)); diff != "" {
				t.Errorf("Refs(Resource) (-want +got):\n%s", diff)
			}
			checkDiags(t, r, nil)
		})
	}
	t.Run("known document", func(t *testing.T) {
		t.Parallel()
		r := srcRoot(t, `locals { doc = jsonencode({ a = 1 }) }`)
		v := local(r, "doc")
		if diff := cmp.Diff(cty.StringVal(`{"a":1}`), v, ctyCmp); diff != "" {
			t.Errorf("jsonencode (-want +got):\n%s", diff)
		}
		if _, ok := eval.JSONSource(v); ok {
			t.Error("JSONSource of a known document reported a source")
		}
	})
}

func TestTemplateSource(t *testing.T) {
	t.Parallel()
	r, q := referencesQueue(t)
	v := q.Attr("template").Val
	if v.IsKnown() {
		t.Fatalf("template = %#v, want unknown", v)
	}
	parts, ok := eval.TemplateSource(v)
	if !ok {
		t.Fatal("TemplateSource: no parts")
	}
	if len(parts) != 5 {
		t.Fatalf("parts = %#v, want 5", parts)
	}
	checkVal(t, "part 0", parts[0], cty.StringVal(`{"arn": "`))
	if parts[1].IsKnown() {
		t.Errorf("part 1 = %#v, want unknown", parts[1])
	}
	if diff := cmp.Diff([]eval.Ref{{Addr: "aws_lambda_function.f", Attr: "arn"}}, eval.Refs(parts[1])); diff != "" {
		t.Errorf("Refs(part 1) (-want +got):\n%s", diff)
	}
	checkVal(t, "part 2", parts[2], cty.StringVal(`", "timeout": `))
	checkVal(t, "part 3", parts[3], cty.NumberIntVal(45))
	checkVal(t, "part 4", parts[4], cty.StringVal("}\n"))
	if diff := cmp.Diff([]eval.Ref{{Addr: "aws_lambda_function.f", Attr: "arn"}, {Addr: "aws_lambda_function.f", Attr: "timeout"}}, eval.Refs(v)); diff != "" {
		t.Errorf("Refs(template) (-want +got):\n%s", diff)
	}
	checkDiags(t, r, nil)
}

// TestTemplateSourceJSON checks templates in JSON syntax strings.
func TestTemplateSourceJSON(t *testing.T) {
	t.Parallel()
	r := newRoot(t, mapLoader(map[string]string{"main.tf.json": `{
  "resource": {
    "aws_lambda_function": {"f": {"timeout": 45}},
    "aws_sqs_queue": {"q": {"policy": "arn=${aws_lambda_function.f.arn};t=${aws_lambda_function.f.timeout}"}}
  }
}`}), ".", eval.Options{})
	q := lookup(t, r, "aws_sqs_queue", "aws_sqs_queue.q")
	parts, ok := eval.TemplateSource(q.Attr("policy").Val)
	if !ok || len(parts) != 4 {
		t.Fatalf("TemplateSource = %#v, %v", parts, ok)
	}
	checkVal(t, "part 0", parts[0], cty.StringVal("arn="))
	if diff := cmp.Diff([]eval.Ref{{Addr: "aws_lambda_function.f", Attr: "arn"}}, eval.Refs(parts[1])); diff != "" {
		t.Errorf("Refs(part 1) (-want +got):\n%s", diff)
	}
	checkVal(t, "part 3", parts[3], cty.NumberIntVal(45))
	checkDiags(t, r, nil)
}

func TestExprTextAndDescribe(t *testing.T) {
	t.Parallel()
	src := `variable "a" {}
variable "m" {}
resource "aws_sqs_queue" "q" {
  name   = "${var.a}-${aws_sqs_queue.dlq.name}-${var.a}"
  delay  = 1 + 2
  policy = var.m["k"]
}
resource "aws_sqs_queue" "dlq" {}
`
	tests := []struct {
		attr, wantExprText, wantDescribe string
	}{
		{"name", "aws_sqs_queue.dlq.name, var.a", "var.a"},
		{"delay", "the expression at main.tf:5,12-17", "the expression at main.tf:5,12-17"},
		{"policy", `var.m["k"]`, "var.m"},
	}
	for _, tt := range tests {
		t.Run(tt.attr, func(t *testing.T) {
			t.Parallel()
			r := srcRoot(t, src)
			v := lookup(t, r, "aws_sqs_queue", "aws_sqs_queue.q").Attr(tt.attr)
			if got := eval.ExprText(v.Expr); got != tt.wantExprText {
				t.Errorf("ExprText(%s) = %q, want %q", tt.attr, got, tt.wantExprText)
			}
			if got := eval.Describe(v); got != tt.wantDescribe {
				t.Errorf("Describe(%s) = %q, want %q", tt.attr, got, tt.wantDescribe)
			}
		})
	}
	t.Run("absent", func(t *testing.T) {
		t.Parallel()
		r := srcRoot(t, src)
		v := lookup(t, r, "aws_sqs_queue", "aws_sqs_queue.q").Attr("absent")
		if got := eval.Describe(v); got != "" {
			t.Errorf("Describe(absent) = %q, want empty", got)
		}
		if v.Present() || v.Val != cty.NilVal || v.Range.Start.Line != 3 || v.Range.End.Line != 7 {
			t.Errorf("absent argument: Present=%v Val=%#v Range=%s", v.Present(), v.Val, v.Range)
		}
	})
}

// TestWholeObjectAttributes covers attributes read through a whole
// resource object (each.value, a local, a module output, a for
// expression) that the configuration does not set: they are unknown,
// remember their resource, and are not errors.
func TestWholeObjectAttributes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		val     func(r *eval.Root) cty.Value
		wantRef []eval.Ref
	}{
		{
			name: "each.value",
			val: func(r *eval.Root) cty.Value {
				return lookup(t, r, "aws_cloudwatch_log_group", `aws_cloudwatch_log_group.lg["a"]`).Attr("kms_key_id").Val
			},
			wantRef: []eval.Ref{{Addr: `aws_lambda_function.fns["a"]`, Attr: "signing_profile_version_arn"}},
		},
		{
			name:    "local",
			val:     func(r *eval.Root) cty.Value { return local(r, "fn_size") },
			wantRef: []eval.Ref{{Addr: `aws_lambda_function.fns["a"]`, Attr: "source_code_size"}},
		},
		{
			name:    "module output",
			val:     func(r *eval.Root) cty.Value { return local(r, "sse") },
			wantRef: []eval.Ref{{Addr: "module.m.aws_sqs_queue.q", Attr: "sqs_managed_sse_enabled"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := fixtureRoot(t, "whole_objects", ".", eval.Options{})
			v := tt.val(r)
			if v.IsKnown() {
				t.Errorf("value = %#v, want unknown", v)
			}
			if diff := cmp.Diff(tt.wantRef, eval.Refs(v)); diff != "" {
				t.Errorf("Refs (-want +got):\n%s", diff)
			}
			checkDiags(t, r, nil)
		})
	}
	t.Run("for expression", func(t *testing.T) {
		t.Parallel()
		r := fixtureRoot(t, "whole_objects", ".", eval.Options{})
		marked := local(r, "via_for")
		v, _ := marked.Unmark()
		if !v.Type().IsTupleType() || v.LengthInt() != 1 {
			t.Fatalf("via_for = %#v, want a tuple of one element", v)
		}
		if elem := v.Index(cty.NumberIntVal(0)); elem.IsKnown() {
			t.Errorf("via_for[0] = %#v, want unknown", elem)
		}
		// The reference is recorded on the expression's value as a
		// whole.
		if diff := cmp.Diff([]eval.Ref{{Addr: `aws_lambda_function.fns["a"]`, Attr: "last_modified"}}, eval.Refs(marked)); diff != "" {
			t.Errorf("Refs(via_for) (-want +got):\n%s", diff)
		}
		checkDiags(t, r, nil)
	})
	t.Run("configured attribute through each.value", func(t *testing.T) {
		t.Parallel()
		r := fixtureRoot(t, "whole_objects", ".", eval.Options{})
		lg := lookup(t, r, "aws_cloudwatch_log_group", `aws_cloudwatch_log_group.lg["a"]`)
		checkVal(t, "name", lg.Attr("name").Val, cty.StringVal("/aws/lambda/a"))
		checkDiags(t, r, nil)
	})
	t.Run("a real typo is still an error", func(t *testing.T) {
		t.Parallel()
		r := fixtureRoot(t, "whole_objects", ".", eval.Options{})
		local(r, "typo")
		checkDiags(t, r, []diag{{hcl.DiagError, "Unsupported attribute", "main.tf:22,28"}})
	})
}

// TestUnsupportedAttribute separates attributes only the provider knows
// (no error) from mistakes in the configuration (an error).
func TestUnsupportedAttribute(t *testing.T) {
	t.Parallel()
	src := `locals {
  cfg = { a = 1 }
}
resource "aws_ecr_repository" "r" {
  count = 2
  name  = "r${count.index}"
}
resource "aws_sqs_queue" "q" {
  count         = 2
  splat         = aws_ecr_repository.r[*].repository_url
  indexed       = aws_ecr_repository.r[count.index].repository_url
  configured    = aws_ecr_repository.r[count.index].name
  typo          = "${aws_ecr_repository.r[0].arn}/${local.cfg.missing}"
  missing_index = aws_ecr_repository.r.arn
}
`
	tests := []struct {
		attr      string
		want      cty.Value // cty.DynamicVal: any unknown
		wantRefs  []eval.Ref
		wantDiags []diag
	}{
		{"splat", cty.DynamicVal, []eval.Ref{}, nil},
		{"indexed", cty.DynamicVal, []eval.Ref{{Addr: "aws_ecr_repository.r[1]", Attr: "repository_url"}}, nil},
		{"configured", cty.StringVal("r1"), []eval.Ref{{Addr: "aws_ecr_repository.r[1]", Attr: "name"}}, nil},
		// A typo in a local is an error even next to a resource
		// reference.
		{"typo", cty.DynamicVal, []eval.Ref{}, []diag{{hcl.DiagError, "Unsupported attribute", "main.tf:13,62"}}},
		// Terraform requires an instance key for a resource with count.
		{"missing_index", cty.DynamicVal, []eval.Ref{}, []diag{{hcl.DiagError, "Unsupported attribute", "main.tf:14,39"}}},
	}
	for _, tt := range tests {
		t.Run(tt.attr, func(t *testing.T) {
			t.Parallel()
			r := srcRoot(t, src)
			v := lookup(t, r, "aws_sqs_queue", "aws_sqs_queue.q[1]").Attr(tt.attr).Val
			if tt.want == cty.DynamicVal {
				if v.IsKnown() {
					t.Errorf("%s = %#v, want unknown", tt.attr, v)
				}
			} else {
				checkVal(t, tt.attr, v, tt.want)
			}
			refs := eval.Refs(v)
			if refs == nil {
				refs = []eval.Ref{}
			}
			if diff := cmp.Diff(tt.wantRefs, refs); diff != "" {
				t.Errorf("Refs(%s) (-want +got):\n%s", tt.attr, diff)
			}
			checkDiags(t, r, tt.wantDiags)
		})
	}
}

package fix_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/spillway-iac/spillway/internal/fix"
	"github.com/spillway-iac/spillway/lint"
)

// parserRange is the range the scan gives a block (parser.blockRange):
// from its type keyword to the end of its body, which for a block on one
// line stops before the closing brace.
func parserRange(t *testing.T, src string) hcl.Range {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	b := f.Body.(*hclsyntax.Body).Blocks[0]
	return hcl.RangeBetween(b.TypeRange, b.Body.SrcRange)
}

func computeFormatted(t *testing.T, src string, specs []lint.FixSpec) string {
	t.Helper()
	edits, err := fix.Compute([]byte(src), "main.tf", parserRange(t, src), specs)
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	if len(edits) == 0 {
		t.Fatal("no edit")
	}
	out, err := fix.ApplyFormatted([]byte(src), edits)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestFixesAreFmtClean: a fixed block is what terraform fmt leaves: "="
// aligned across the group, new arguments after the ordinary ones and
// before depends_on, new blocks before lifecycle; a one-line block gets
// its fix instead of "no block at ... was the file changed" (issue 16
// item 2).
func TestFixesAreFmtClean(t *testing.T) {
	t.Parallel()
	scaling := []lint.FixSpec{{Block: []string{"scaling_config"}, Attribute: "maximum_concurrency", Value: "10"}}
	tests := []struct {
		name, src string
		specs     []lint.FixSpec
		want      string
	}{
		{
			name: "aligned before depends_on",
			src: `resource "aws_lambda_function" "f" {
  function_name = "f"
  runtime       = "python3.12"
  depends_on    = [aws_iam_role.r]
}
`,
			specs: reserve,
			want: `resource "aws_lambda_function" "f" {
  function_name                  = "f"
  runtime                        = "python3.12"
  reserved_concurrent_executions = 10
  depends_on                     = [aws_iam_role.r]
}
`,
		},
		{
			name:  "one line",
			src:   "resource \"aws_lambda_function\" \"f\" { function_name = \"f\" }\n",
			specs: reserve,
			want: `resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = 10
}
`,
		},
		{
			name: "block before lifecycle",
			src: `resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn

  lifecycle {
    ignore_changes = [enabled]
  }
}
`,
			specs: scaling,
			want: `resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn

  scaling_config {
    maximum_concurrency = 10
  }

  lifecycle {
    ignore_changes = [enabled]
  }
}
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := computeFormatted(t, tt.src, tt.specs)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if f := hclwrite.Format([]byte(got)); !bytes.Equal(f, []byte(got)) {
				t.Errorf("not fmt-clean:\n%s", got)
			}
		})
	}
}

// TestUnformattedBlockKeepsItsLayout: a block that was not fmt-clean only
// gets the inserted lines.
func TestUnformattedBlockKeepsItsLayout(t *testing.T) {
	t.Parallel()
	src := "resource \"aws_lambda_function\" \"f\" {\n  function_name    =    \"f\"\n}\n"
	got := computeFormatted(t, src, reserve)
	if !strings.Contains(got, "function_name    =    \"f\"\n") {
		t.Errorf("the user's layout changed:\n%s", got)
	}
}

// TestExamplesAreFmtClean: the examples users copy from are what
// terraform fmt writes (issue 16 item 2).
func TestExamplesAreFmtClean(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..", "testdata", "examples")
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (!strings.HasSuffix(p, ".tf") && !strings.HasSuffix(p, ".tfvars")) {
			return err
		}
		n++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if f := hclwrite.Format(b); !bytes.Equal(f, b) {
			t.Errorf("%s is not terraform fmt-clean:\n%s", p, cmp.Diff(string(b), string(f)))
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("walk: %v, %d files", err, n)
	}
}

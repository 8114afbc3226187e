package lint_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spillway-iac/spillway/lint"
)

// TestForeignIgnores: trivy and tfsec ignores and checkov skips for checks
// that mean what a spillway rule means suppress that rule; others are not
// directives (issue 16 item 12).
func TestForeignIgnores(t *testing.T) {
	t.Parallel()
	src := "#trivy:ignore:AVD-AWS-0190: caching not needed\n" +
		"# tfsec:ignore:aws-api-gateway-enable-cache\n" +
		"# trivy:ignore:AVD-AWS-0066\n" +
		"#trivy:ignore:avd-aws-0190:exp:2030-01-31 - dynamic responses\n" +
		"resource \"aws_api_gateway_stage\" \"prod\" {\n" +
		"  #checkov:skip=CKV_AWS_120:dynamic responses\n" +
		"  #checkov:skip=CKV2_AWS_29\n" +
		"  #checkov:skip=CKV_AWS_117:not in a VPC\n" +
		"}\n"
	stage := "main.tf:5:1-9:2"
	res := "aws_api_gateway_stage.prod"
	want := []dir{
		{At: "main.tf:1:1-1:47", Label: "trivy:ignore:AVD-AWS-0190", Foreign: true, Rules: []string{"SPW404"}, Reason: "caching not needed", Target: stage, Resource: res},
		{At: "main.tf:2:1-2:44", Label: "tfsec:ignore:aws-api-gateway-enable-cache", Foreign: true, Rules: []string{"SPW404"}, Target: stage, Resource: res},
		{At: "main.tf:4:1-4:62", Label: "trivy:ignore:avd-aws-0190", Foreign: true, Rules: []string{"SPW404"}, Reason: "dynamic responses", Until: "2030-01-31", Target: stage, Resource: res},
		{At: "main.tf:6:3-6:46", Label: "checkov:skip=CKV_AWS_120", Foreign: true, Rules: []string{"SPW404"}, Reason: "dynamic responses", Target: stage, Resource: res},
		{At: "main.tf:7:3-7:28", Label: "checkov:skip=CKV2_AWS_29", Foreign: true, Rules: []string{"SPW405"}, Target: stage, Resource: res},
	}
	got := summarize(parse(t, "main.tf", src))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("directives (-want +got):\n%s", diff)
	}
}

// TestForeignMappingsDocumented: the README and SPW000's page list every
// mapped check of another scanner.
func TestForeignMappingsDocumented(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{"../README.md", "../rules/doc/SPW000.md"} {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lint.ForeignMappings {
			if !strings.Contains(string(b), m.ID+"`") || !strings.Contains(string(b), "| "+m.Rule+" |") {
				t.Errorf("%s does not document %s %s -> %s", doc, m.Tool, m.ID, m.Rule)
			}
		}
	}
}

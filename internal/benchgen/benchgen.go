package benchgen

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Options select a generated tree.
type Options struct {
	// Files is the number of configuration files (.tf and .tf.json) to
	// write. A terraform.tfvars file per root module comes on top of it.
	Files int
	// Seed selects the tree: the same Files and Seed give byte-identical
	// output.
	Seed uint64
}

// MinFiles is the smallest Options.Files accepted: one copy of the shared
// module library and a few root modules.
const MinFiles = 100

// Stats describe a generated tree.
type Stats struct {
	// ConfigFiles counts .tf and .tf.json files; it equals Options.Files.
	ConfigFiles int
	// JSONFiles counts the .tf.json files among ConfigFiles.
	JSONFiles int
	// OtherFiles counts terraform.tfvars files.
	OtherFiles int
	// RootModules counts directories under envs/; SharedModules those under
	// modules/.
	RootModules   int
	SharedModules int
	// Lines and Bytes count every written file.
	Lines int
	Bytes int64
	// Resources counts resource blocks (not instances) in configuration
	// files; Serverless counts those whose type IsServerless.
	Resources  int
	Serverless int
}

// ServerlessShare is Serverless / Resources.
func (s Stats) ServerlessShare() float64 {
	if s.Resources == 0 {
		return 0
	}
	return float64(s.Serverless) / float64(s.Resources)
}

// IsServerless reports whether a resource type belongs to the serverless
// designs spillway checks: Lambda, API Gateway, SQS, Kinesis, SNS
// subscriptions, EventBridge targets and S3 notifications.
func IsServerless(typ string) bool {
	for _, p := range []string{
		"aws_lambda_", "aws_api_gateway_", "aws_apigatewayv2_", "aws_sqs_", "aws_kinesis_",
		"aws_sns_topic_subscription", "aws_cloudwatch_event_", "aws_s3_bucket_notification",
	} {
		if strings.HasPrefix(typ, p) {
			return true
		}
	}
	return false
}

//go:embed templates/*.tmpl
var templateFS embed.FS

// templates holds a template per root module file ("queues.tf.tmpl"), one
// per shared module file ("modules/http-api/main.tf", defined in
// module-http-api.tmpl) and the blocks they share (blocks.tmpl).
var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"args": args, "vars": vars, "json": toJSON,
}).ParseFS(templateFS, "templates/*.tmpl"))

// Generate writes the tree selected by opts under dir, which must not
// exist or be empty.
func Generate(dir string, opts Options) (Stats, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Stats{}, fmt.Errorf("output directory %s is not empty", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Stats{}, fmt.Errorf("read output directory: %w", err)
	}
	made := map[string]bool{}
	return build(opts, func(p string, data []byte) error {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o750); err != nil {
				return fmt.Errorf("create directory: %w", err)
			}
			made[d] = true
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return fmt.Errorf("write file: %w", err)
		}
		return nil
	})
}

// Files returns the tree selected by opts as slash-separated paths and
// contents.
func Files(opts Options) (map[string][]byte, Stats, error) {
	out := map[string][]byte{}
	st, err := build(opts, func(p string, data []byte) error {
		out[p] = data
		return nil
	})
	return out, st, err
}

// writer renders templates into files and keeps the statistics.
type writer struct {
	emit  func(path string, data []byte) error
	stats Stats
}

func build(opts Options, emit func(string, []byte) error) (Stats, error) {
	if opts.Files < MinFiles {
		return Stats{}, fmt.Errorf("files must be at least %d, got %d", MinFiles, opts.Files)
	}
	w := &writer{emit: emit}
	copies := 1 + opts.Files/8000
	for c := range copies {
		for _, m := range sharedModules {
			for _, f := range []string{"main.tf", "variables.tf", "outputs.tf"} {
				if err := w.render(path.Join("modules", m+versionSuffix(c), f), path.Join("modules", m, f), nil); err != nil {
					return w.stats, err
				}
			}
			w.stats.SharedModules++
		}
	}
	budget := opts.Files - w.stats.ConfigFiles
	services := serviceNames(opts.Seed)
	for i := 0; budget > 0; i++ {
		rt := planRoot(opts.Seed, i, services, copies, budget)
		budget -= len(rt.Files)
		for _, f := range rt.Files {
			if err := w.render(path.Join(rt.Dir, f), f+".tmpl", rt); err != nil {
				return w.stats, err
			}
		}
		if err := w.render(path.Join(rt.Dir, "terraform.tfvars"), "terraform.tfvars.tmpl", rt); err != nil {
			return w.stats, err
		}
		w.stats.RootModules++
	}
	return w.stats, nil
}

// render executes the template name with data, formats HCL as terraform
// fmt would, counts the result and emits it as file p.
func (w *writer) render(p, name string, data any) error {
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		return fmt.Errorf("render %s: %w", p, err)
	}
	out, blocks := b.Bytes(), map[string]int{}
	if strings.HasSuffix(p, ".json") {
		var doc struct {
			Resource map[string]map[string]json.RawMessage
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			return fmt.Errorf("render %s: %w", p, err)
		}
		for typ, names := range doc.Resource {
			blocks[typ] = len(names)
		}
		w.stats.JSONFiles++
	} else {
		out = hclwrite.Format(tidy(out))
		for _, line := range strings.Split(string(out), "\n") {
			if rest, ok := strings.CutPrefix(line, `resource "`); ok {
				typ, _, _ := strings.Cut(rest, `"`)
				blocks[typ]++
			}
		}
	}
	if strings.HasSuffix(p, ".tfvars") {
		w.stats.OtherFiles++
	} else {
		w.stats.ConfigFiles++
	}
	for typ, n := range blocks {
		w.stats.Resources += n
		if IsServerless(typ) {
			w.stats.Serverless += n
		}
	}
	w.stats.Lines += bytes.Count(out, []byte("\n"))
	w.stats.Bytes += int64(len(out))
	if err := w.emit(p, out); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return nil
}

// tidy removes the blank lines that template actions leave: leading and
// trailing ones, runs of them, and those just inside braces.
func tidy(src []byte) []byte {
	var b bytes.Buffer
	blank, prev := false, ""
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimRight(line, " \t")
		t := strings.TrimSpace(line)
		if t == "" {
			blank = true
			continue
		}
		if blank && prev != "" && !strings.HasSuffix(prev, "{") && !strings.HasPrefix(t, "}") && !strings.HasPrefix(t, "]") {
			b.WriteByte('\n')
		}
		b.WriteString(line)
		b.WriteByte('\n')
		blank, prev = false, t
	}
	return b.Bytes()
}

// args builds a map from alternating keys and values, so that a template
// can pass several values to a shared block.
func args(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

// variable is one input variable, as the "variables" block renders it.
type variable struct{ Name, Type, Default string }

// vars reads variable declarations from a table, one a line: name, type
// and optionally a default (the rest of the line, an HCL expression).
func vars(table string) []variable {
	var out []variable
	for _, line := range strings.Split(strings.TrimSpace(table), "\n") {
		f := strings.SplitN(strings.Join(strings.Fields(line), " "), " ", 3)
		v := variable{Name: f[0], Type: f[1]}
		if len(f) == 3 {
			v.Default = f[2]
		}
		out = append(out, v)
	}
	return out
}

// toJSON renders v as JSON, for example a string inside a .tf.json file.
func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

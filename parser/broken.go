package parser

import "github.com/hashicorp/hcl/v2"

var moduleCallSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{{Type: "module", LabelNames: []string{"name"}}},
}

// addBrokenCalls records the module calls that the files of a broken
// module still show (hclsyntax recovers the blocks around a syntax error),
// so that the modules it calls are known to be called: they are not
// analyzed as root modules of their own in its place. A broken module is
// never evaluated, so the calls serve the call graph only; their problems
// are not reported again.
func (m *Module) addBrokenCalls() {
	for _, f := range m.Files {
		if f.HCL == nil || f.HCL.Body == nil {
			continue
		}
		content, _, _ := f.HCL.Body.PartialContent(moduleCallSchema)
		if content == nil {
			continue
		}
		for _, b := range content.Blocks {
			if len(b.Labels) != 1 {
				continue
			}
			var discard hcl.Diagnostics
			if _, dup := m.ModuleCalls[b.Labels[0]]; !dup {
				m.ModuleCalls[b.Labels[0]] = decodeModuleCall(b, m.Tofu, &discard)
			}
		}
	}
}

package report

import (
	"encoding/json"
	"io"

	"github.com/spillway-iac/spillway/graph"
)

// TopologyJSON writes spillway graph's JSON document (testdata/schema/
// graph.schema.json):
//
//	{"version":1,"roots":[{"root":DIR,"nodes":[...],"edges":[...]}]}
//
// A node has id, kind, exposure, why, and for a function whose figures
// are known capacity {pool, concurrency, timeout_s, saturation_rps
// (two decimals, or two significant digits below 0.01), cost_per_hour_usd
// (four decimals)}, then file and line.
// An edge has from, to, invocation, and on an edge that can lose events
// loss: {horizon_s, requests_to_loss} or {protected_by}.
type TopologyJSON struct{}

// GraphJSONVersion is the version of the spillway graph JSON document.
const GraphJSONVersion = 1

type graphDoc struct {
	Version int        `json:"version"`
	Roots   []rootJSON `json:"roots"`
}

type rootJSON struct {
	Root  string     `json:"root"`
	Nodes []nodeJSON `json:"nodes"`
	Edges []edgeJSON `json:"edges"`
}

type nodeJSON struct {
	ID       string        `json:"id"`
	Kind     string        `json:"kind"`
	Exposure string        `json:"exposure"`
	Why      string        `json:"why,omitempty"`
	Capacity *capacityJSON `json:"capacity,omitempty"`
	File     string        `json:"file,omitempty"`
	Line     int           `json:"line,omitempty"`
}

type capacityJSON struct {
	Pool           string  `json:"pool"`
	Concurrency    int64   `json:"concurrency"`
	TimeoutS       int64   `json:"timeout_s"`
	SaturationRPS  float64 `json:"saturation_rps"`
	CostPerHourUSD float64 `json:"cost_per_hour_usd"`
}

type edgeJSON struct {
	From       string `json:"from"`
	To         string `json:"to"`
	Invocation string `json:"invocation"`
	// Loss is a lossAtJSON or a protectedJSON.
	Loss any `json:"loss,omitempty"`
}

type lossAtJSON struct {
	HorizonS       int64 `json:"horizon_s"`
	RequestsToLoss int64 `json:"requests_to_loss"`
}

type protectedJSON struct {
	ProtectedBy string `json:"protected_by"`
}

// Write implements Reporter.
func (TopologyJSON) Write(w io.Writer, r *Result) error {
	doc := graphDoc{Version: GraphJSONVersion, Roots: []rootJSON{}}
	for _, t := range topologies(r.Topologies) {
		rj := rootJSON{Root: t.Root, Nodes: []nodeJSON{}, Edges: []edgeJSON{}}
		for _, n := range t.Nodes {
			rj.Nodes = append(rj.Nodes, nodeJSON{
				ID: n.ID, Kind: n.Kind, Exposure: n.Exposure.String(), Why: n.Why,
				Capacity: capacityOf(n.Capacity), File: n.File, Line: n.Line,
			})
		}
		for _, e := range t.Edges {
			ej := edgeJSON{From: e.From, To: e.To, Invocation: string(e.Invocation)}
			switch l := e.Loss; {
			case l == nil:
			case l.ProtectedBy != "":
				ej.Loss = protectedJSON{ProtectedBy: l.ProtectedBy}
			default:
				ej.Loss = lossAtJSON{HorizonS: l.HorizonS, RequestsToLoss: l.RequestsToLoss}
			}
			rj.Edges = append(rj.Edges, ej)
		}
		doc.Roots = append(doc.Roots, rj)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// capacityOf is the JSON capacity of a function: nil when its figures are
// not known (or not finite, which JSON cannot carry).
func capacityOf(c *graph.Capacity) *capacityJSON {
	if c == nil || !c.Known || !finite(c.SaturationRPS) || !finite(c.CostPerHourUSD) {
		return nil
	}
	return &capacityJSON{
		Pool: c.Pool, Concurrency: c.Concurrency, TimeoutS: c.TimeoutS,
		SaturationRPS: roundRate(c.SaturationRPS), CostPerHourUSD: round(c.CostPerHourUSD, 4),
	}
}

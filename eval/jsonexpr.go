package eval

import (
	"bytes"
	"encoding/json"
	"reflect"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
)

// guardJSON returns a native syntax equivalent of a JSON expression whose
// templates hold loops, so that it can be guarded like native syntax:
// hcl/json parses and evaluates the templates in its strings itself,
// where iterations cannot be counted. Arrays become tuples, objects
// object constructors with template keys, strings templates, as hcl/json
// evaluates them. Other expressions are returned unchanged.
func (r *Root) guardJSON(expr hcl.Expression) hcl.Expression {
	if !hcljson.IsJSONExpression(expr) || reflect.ValueOf(expr).Kind() != reflect.Pointer {
		return expr
	}
	if g, ok := r.guardedJSON[expr]; ok {
		return g
	}
	out := expr
	rng := expr.Range()
	src := r.loader.Source(rng.Filename)
	if src != nil && rng.Start.Byte >= 0 && rng.Start.Byte < rng.End.Byte && rng.End.Byte <= len(src) {
		raw := src[rng.Start.Byte:rng.End.Byte]
		if bytes.Contains(raw, []byte("for")) {
			p := &jsonParser{src: src, i: rng.Start.Byte, end: rng.End.Byte, pos: rng.Start, file: rng.Filename}
			if e, ok := p.value(0); ok {
				if t, _ := r.transform(e); t != nil {
					out = t
				}
			}
		}
	}
	r.guardedJSON[expr] = out
	if out != expr {
		r.original[out.(hclsyntax.Expression)] = expr
	}
	return out
}

// jsonParser reads one JSON value with positions, building native syntax
// nodes. Input that does not parse is left to hcl/json.
type jsonParser struct {
	src  []byte
	i    int
	end  int
	pos  hcl.Pos
	file string
}

func (p *jsonParser) advance(n int) {
	for k := 0; k < n && p.i < p.end; k++ {
		c := p.src[p.i]
		if c == '\n' {
			p.pos.Line++
			p.pos.Column = 1
			p.pos.Byte++
			p.i++
			continue
		}
		_, size := utf8.DecodeRune(p.src[p.i:p.end])
		p.i += size
		p.pos.Byte += size
		p.pos.Column++
		k += size - 1
	}
}

func (p *jsonParser) skipSpace() {
	for p.i < p.end {
		switch p.src[p.i] {
		case ' ', '\t', '\r', '\n':
			p.advance(1)
		default:
			return
		}
	}
}

func (p *jsonParser) rangeFrom(start hcl.Pos) hcl.Range {
	return hcl.Range{Filename: p.file, Start: start, End: p.pos}
}

func (p *jsonParser) value(depth int) (hclsyntax.Expression, bool) {
	p.skipSpace()
	if p.i >= p.end || depth > 512 {
		return nil, false
	}
	start := p.pos
	switch p.src[p.i] {
	case '[':
		p.advance(1)
		tuple := &hclsyntax.TupleConsExpr{OpenRange: p.rangeFrom(start)}
		p.skipSpace()
		if p.i < p.end && p.src[p.i] == ']' {
			p.advance(1)
			tuple.SrcRange = p.rangeFrom(start)
			return tuple, true
		}
		for {
			e, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			tuple.Exprs = append(tuple.Exprs, e)
			p.skipSpace()
			if p.i >= p.end {
				return nil, false
			}
			if p.src[p.i] == ']' {
				p.advance(1)
				tuple.SrcRange = p.rangeFrom(start)
				return tuple, true
			}
			if p.src[p.i] != ',' {
				return nil, false
			}
			p.advance(1)
		}
	case '{':
		p.advance(1)
		obj := &hclsyntax.ObjectConsExpr{OpenRange: p.rangeFrom(start)}
		p.skipSpace()
		if p.i < p.end && p.src[p.i] == '}' {
			p.advance(1)
			obj.SrcRange = p.rangeFrom(start)
			return obj, true
		}
		for {
			p.skipSpace()
			if p.i >= p.end || p.src[p.i] != '"' {
				return nil, false
			}
			k, ok := p.str()
			if !ok {
				return nil, false
			}
			p.skipSpace()
			if p.i >= p.end || p.src[p.i] != ':' {
				return nil, false
			}
			p.advance(1)
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			obj.Items = append(obj.Items, hclsyntax.ObjectConsItem{KeyExpr: k, ValueExpr: v})
			p.skipSpace()
			if p.i >= p.end {
				return nil, false
			}
			if p.src[p.i] == '}' {
				p.advance(1)
				obj.SrcRange = p.rangeFrom(start)
				return obj, true
			}
			if p.src[p.i] != ',' {
				return nil, false
			}
			p.advance(1)
		}
	case '"':
		return p.str()
	default:
		j := p.i
		for j < p.end && bytes.IndexByte([]byte(" \t\r\n,]}"), p.src[j]) < 0 {
			j++
		}
		word := string(p.src[p.i:j])
		var v cty.Value
		switch word {
		case "true":
			v = cty.True
		case "false":
			v = cty.False
		case "null":
			v = cty.NullVal(cty.DynamicPseudoType)
		default:
			n, err := cty.ParseNumberVal(word)
			if err != nil {
				return nil, false
			}
			v = n
		}
		p.advance(j - p.i)
		return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: p.rangeFrom(start)}, true
	}
}

// str reads a JSON string as hcl/json evaluates it: a template.
func (p *jsonParser) str() (hclsyntax.Expression, bool) {
	start := p.pos
	j := p.i + 1
	for j < p.end && p.src[j] != '"' {
		if p.src[j] == '\\' {
			j++
		}
		j++
	}
	if j >= p.end {
		return nil, false
	}
	var s string
	if json.Unmarshal(p.src[p.i:j+1], &s) != nil {
		return nil, false
	}
	p.advance(j + 1 - p.i)
	tstart := start
	tstart.Column++
	tstart.Byte++
	tmpl, diags := hclsyntax.ParseTemplate([]byte(s), p.file, tstart)
	if diags.HasErrors() {
		return nil, false
	}
	return tmpl, true
}

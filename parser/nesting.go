package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// MaxNesting is how deeply brackets, braces, parentheses, string templates
// and template directives may nest in one file. hclsyntax and hcl/json
// parse recursively, and a few hundred thousand nested brackets exhaust
// the goroutine stack, which is a crash Go cannot recover from; real
// configurations nest a few dozen levels at most.
const MaxNesting = 256

// MaxExpressionDepth bounds the depth of the syntax tree of one
// expression: nesting plus chains of operators and traversals such as
// a+b+c or !!x, which hclsyntax turns into trees as deep as the chain is
// long and evaluates recursively.
const MaxExpressionDepth = 4096

// MaxStrayCommentWork bounds what unterminated block comments may cost
// hclsyntax's scanner. It tries every "/*" in code as a comment, and one
// with no "*/" after it is read to the end of the file before the scanner
// backs up and reads a slash: a file of many such lines takes time
// quadratic in its size (80 KB took 4 s, the 1 MiB file size limit would
// take minutes). Such a "/*" is always a syntax error (no operand starts
// with "*"), so a file whose unterminated comments would rescan more than
// this many bytes is refused instead of lexed.
const MaxStrayCommentWork = 8 << 20

// NestingMode says how CheckNesting reads its input.
type NestingMode int

// The nesting modes.
const (
	// NestConfig reads a native syntax configuration file.
	NestConfig NestingMode = iota
	// NestTemplate reads a bare template, as templatefile and JSON
	// strings are parsed.
	NestTemplate
	// NestExpression reads one native syntax expression.
	NestExpression
	// NestJSON reads a JSON configuration or variables file, including the
	// templates in its strings.
	NestJSON
)

// CheckNesting reports, with the position of the first token over the
// limit, input that nests deeper than MaxNesting or whose expressions are
// deeper than MaxExpressionDepth. Such input must not be given to the HCL
// parsers. The check is a byte scan; only input that the scan cannot rule
// out is lexed with hclsyntax to find the exact position.
func CheckNesting(src []byte, filename string, start hcl.Pos, mode NestingMode) *hcl.Diagnostic {
	if mode == NestJSON {
		return checkJSONNesting(src, filename, start)
	}
	if len(src) <= MaxNesting {
		// Every level of nesting or of an operator chain takes at
		// least one byte.
		return nil
	}
	if !utf8.Valid(src) {
		// The scanner's idea of invalid bytes is its own.
		return exactNesting(src, filename, start, mode)
	}
	ok, at, stray := crudeNesting(src, mode)
	if stray >= 0 {
		return strayComment(src, filename, start, stray)
	}
	if ok {
		return nil
	}
	if at >= 0 && at+64 < len(src) {
		// The lexer agrees with the scan on brackets, so a real
		// problem is usually found in the prefix the scan read; lexing
		// only that keeps hostile files cheap.
		if d := exactNesting(src[:at+64], filename, start, mode); d != nil {
			return d
		}
	}
	return exactNesting(src, filename, start, mode)
}

// nestFrame is one open bracket, template or directive.
type nestFrame struct {
	kind byte // '(', '[', '{', 'q' (string or heredoc), 'i' (interpolation), 'c' (control), 'd' (directive body), 't' (top)
	// nl reports that newlines end expressions in this frame (bodies and
	// object constructors); fresh that no token has been seen yet (an
	// object constructor starting with "for" is a for expression, where
	// newlines do not count).
	nl, fresh bool
	// ops counts the operators of the current expression; child is the
	// deepest closed nested frame in it.
	ops, child int
	// directive is +1 for a control sequence opening an if or for
	// directive, -1 for one closing it.
	directive int
}

// nestState tracks frames and the depth bound of the expression trees.
type nestState struct {
	frames []nestFrame
	// sum is the running depth bound: the sum over open frames of
	// 1 + ops + child.
	sum  int
	over string // why the limit was exceeded; empty while within
}

func newNestState(mode NestingMode) *nestState {
	s := &nestState{}
	top := nestFrame{kind: 't', nl: mode == NestConfig}
	s.frames = append(s.frames, top)
	s.sum = 1
	return s
}

func (s *nestState) top() *nestFrame { return &s.frames[len(s.frames)-1] }

func (s *nestState) open(kind byte, nl bool) {
	if s.over != "" {
		return
	}
	s.top().fresh = false
	s.frames = append(s.frames, nestFrame{kind: kind, nl: nl, fresh: kind == '{'})
	s.sum++
	switch {
	case len(s.frames)-1 > MaxNesting:
		s.over = "nesting"
	case s.sum > MaxExpressionDepth:
		s.over = "depth"
	}
}

// close pops the top frame when it is of the given kind; anything else is
// a syntax error that the parser reports, and keeping the frame open only
// overestimates.
func (s *nestState) close(kinds string) (closed nestFrame, ok bool) {
	if s.over != "" || len(s.frames) < 2 {
		return nestFrame{}, false
	}
	f := *s.top()
	if bytes.IndexByte([]byte(kinds), f.kind) < 0 {
		return nestFrame{}, false
	}
	s.frames = s.frames[:len(s.frames)-1]
	s.sum -= 1 + f.ops + f.child
	depth := 1 + f.ops + f.child
	p := s.top()
	p.fresh = false
	if depth > p.child {
		s.sum += depth - p.child
		p.child = depth
	}
	if s.sum > MaxExpressionDepth {
		s.over = "depth"
	}
	return f, true
}

func (s *nestState) op() {
	if s.over != "" {
		return
	}
	t := s.top()
	t.fresh = false
	t.ops++
	s.sum++
	if s.sum > MaxExpressionDepth {
		s.over = "depth"
	}
}

// sep ends the current expression of the top frame.
func (s *nestState) sep() {
	t := s.top()
	s.sum -= t.ops + t.child
	t.ops, t.child = 0, 0
}

func (s *nestState) newline() {
	if t := s.top(); t.nl {
		s.sep()
	}
}

// word notes an identifier or number; "for" first in braces makes a for
// expression, where newlines do not end the expression.
func (s *nestState) word(w []byte) {
	t := s.top()
	if t.fresh && t.kind == '{' && string(w) == "for" {
		t.nl = false
	}
	t.fresh = false
}

// seqEnd closes an interpolation or control sequence and applies its
// directive.
func (s *nestState) seqEnd() {
	f, ok := s.close("ic")
	if !ok {
		return
	}
	switch f.directive {
	case 1:
		s.open('d', false)
	case -1:
		s.close("d")
	}
}

func directiveOf(w []byte) int {
	switch string(w) {
	case "if", "for":
		return 1
	case "endif", "endfor":
		return -1
	}
	return 0
}

// lexer states of the byte scan, mirroring hclsyntax's scanner.
const (
	lexMain = iota
	lexString
	lexHeredoc
	lexBare
)

type lexState struct {
	kind int
	// heredoc: the closing marker and whether the scan is at the start of
	// a line.
	marker      []byte
	startOfLine bool
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// crudeNestingOK reports whether the byte scan accepts src.
func crudeNestingOK(src []byte, mode NestingMode) bool {
	ok, _, _ := crudeNesting(src, mode)
	return ok
}

// strayComment is the error of a file refused for its unterminated block
// comments (see MaxStrayCommentWork), at the first of them.
func strayComment(src []byte, filename string, start hcl.Pos, at int) *hcl.Diagnostic {
	pos := offsetPos(src, start, at)
	end := pos
	end.Column += 2
	end.Byte += 2
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Unterminated block comment",
		Detail:   "This /* has no closing */, nor do the many after it, so the file was not parsed: reading it would take time quadratic in its size. Close the comment or remove it.",
		Subject:  &hcl.Range{Filename: filename, Start: pos, End: end},
	}
}

// offsetPos is the position of the byte at offset i of src, which starts
// at start; columns count characters.
func offsetPos(src []byte, start hcl.Pos, i int) hcl.Pos {
	line, lineStart := start.Line, 0
	for j, c := range src[:i] {
		if c == '\n' {
			line++
			lineStart = j + 1
		}
	}
	col := utf8.RuneCount(src[lineStart:i]) + 1
	if line == start.Line {
		col += start.Column - 1
	}
	return hcl.Pos{Line: line, Column: col, Byte: start.Byte + i}
}

// crudeNesting scans src byte by byte the way hclsyntax's scanner splits
// it into code, strings, heredocs and comments, overcounting operators. It
// returns true only when the input is certainly within the limits;
// otherwise at is the offset where a limit was exceeded, or -1 when the
// scan cannot judge the input. stray is the offset of the first
// unterminated block comment in code when those in the part scanned would
// cost the scanner more than MaxStrayCommentWork, else -1.
func crudeNesting(src []byte, mode NestingMode) (ok bool, at, stray int) {
	s := newNestState(mode)
	stack := []lexState{{kind: lexMain}}
	if mode == NestTemplate {
		stack[0].kind = lexBare
	}
	braces := 0
	var retBraces []int
	noBlockCommentEnd := false
	firstStray, strayWork := -1, 0
	strayOf := func() int {
		if strayWork > MaxStrayCommentWork {
			return firstStray
		}
		return -1
	}
	// pendingDirective is the directive of the control sequence just
	// opened, recorded on its frame at its first word.
	awaitingDirective := false
	n := len(src)
	i := 0
	for i < n {
		if s.over != "" {
			return false, i, strayOf()
		}
		st := &stack[len(stack)-1]
		c := src[i]
		switch st.kind {
		case lexMain:
			if awaitingDirective && !isWordByte(c) && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '#' && c != '/' {
				// Only a keyword first in the sequence makes a
				// directive.
				awaitingDirective = false
			}
			switch {
			case c == ' ' || c == '\t':
				i++
			case c == '\n':
				s.newline()
				i++
			case c == '\r':
				if i+1 < n && src[i+1] == '\n' {
					s.newline()
					i += 2
				} else {
					i++
				}
			case c == '#' || (c == '/' && i+1 < n && src[i+1] == '/'):
				j := bytes.IndexByte(src[i:], '\n')
				if j < 0 {
					i = n
				} else {
					i += j + 1
					s.newline()
				}
			case c == '/' && i+1 < n && src[i+1] == '*':
				j := -1
				if !noBlockCommentEnd {
					j = bytes.Index(src[i+2:], []byte("*/"))
				}
				if j < 0 {
					// An unterminated comment is no comment to the
					// scanner: it reads a slash, after reading to the
					// end of the file.
					noBlockCommentEnd = true
					if firstStray < 0 {
						firstStray = i
					}
					strayWork += n - i
					s.op()
					i++
				} else {
					i += 2 + j + 2
				}
			case c == '"':
				s.open('q', false)
				stack = append(stack, lexState{kind: lexString})
				i++
			case c == '<' && i+1 < n && src[i+1] == '<':
				marker, next, ok, certain := heredocIntro(src, i)
				if !certain {
					return false, -1, strayOf()
				}
				if ok {
					s.open('q', false)
					stack = append(stack, lexState{kind: lexHeredoc, marker: marker, startOfLine: true})
					i = next
				} else {
					s.op()
					i++
				}
			case c == '{':
				braces++
				s.open('{', true)
				i++
			case c == '}' || (c == '~' && i+1 < n && src[i+1] == '}'):
				if c == '~' {
					i++
				}
				i++
				if len(retBraces) > 0 && retBraces[len(retBraces)-1] == braces {
					braces--
					retBraces = retBraces[:len(retBraces)-1]
					stack = stack[:len(stack)-1]
					if st := &stack[len(stack)-1]; st.kind == lexHeredoc {
						st.startOfLine = false
					}
					s.seqEnd()
				} else {
					braces--
					if c == '~' {
						s.seqEnd()
					} else {
						s.close("{")
					}
				}
				awaitingDirective = false
			case c == '(':
				s.open('(', false)
				i++
			case c == ')':
				s.close("(")
				i++
			case c == '[':
				s.op()
				s.open('[', false)
				i++
			case c == ']':
				s.close("[")
				i++
			case c == ',':
				s.sep()
				i++
			case c == '+' || c == '-' || c == '*' || c == '/' || c == '%' || c == '<' || c == '>' ||
				c == '=' || c == '!' || c == '&' || c == '|' || c == '?' || c == '.':
				s.op()
				i++
			case isWordByte(c):
				j := i + 1
				for j < n && isWordByte(src[j]) {
					j++
				}
				if awaitingDirective {
					s.top().directive = directiveOf(src[i:j])
					awaitingDirective = false
				}
				s.word(src[i:j])
				i = j
			default:
				s.top().fresh = false
				i++
			}
		case lexString, lexHeredoc, lexBare:
			if st.kind == lexHeredoc && st.startOfLine {
				// A line holding only the marker ends the heredoc.
				eol := bytes.IndexByte(src[i:], '\n')
				var line []byte
				if eol < 0 {
					line = src[i:]
				} else {
					line = src[i : i+eol]
				}
				if bytes.IndexByte(bytes.TrimSuffix(line, []byte("\r")), '\r') >= 0 {
					return false, -1, strayOf()
				}
				if eol >= 0 && bytes.Equal(bytes.TrimSpace(line), st.marker) {
					s.close("q")
					stack = stack[:len(stack)-1]
					// The newline after the marker belongs to the
					// enclosing code.
					i += eol
					if line[len(line)-1] == '\r' {
						i--
					}
					continue
				}
				st.startOfLine = false
			}
			switch {
			case c == '"' && st.kind == lexString:
				s.close("q")
				stack = stack[:len(stack)-1]
				i++
			case c == '\\' && st.kind == lexString:
				if i+1 < n && src[i+1] != '\n' && src[i+1] != '\r' {
					i += 2
				} else {
					i++
				}
			case (c == '$' || c == '%') && i+1 < n && src[i+1] == '{':
				braces++
				retBraces = append(retBraces, braces)
				if c == '$' {
					s.open('i', false)
				} else {
					s.open('c', false)
					awaitingDirective = true
				}
				if st.kind == lexHeredoc {
					st.startOfLine = false
				}
				stack = append(stack, lexState{kind: lexMain})
				i += 2
				if i < n && src[i] == '~' {
					i++
				}
			case (c == '$' || c == '%') && i+2 < n && src[i+1] == c && src[i+2] == '{':
				i += 3
			case c == '\n':
				if st.kind == lexHeredoc {
					st.startOfLine = true
				}
				i++
			default:
				i++
			}
		}
	}
	if s.over != "" {
		return false, n, strayOf()
	}
	return true, -1, strayOf()
}

// heredocIntro recognizes <<MARKER or <<-MARKER followed by a newline at
// src[i:]. certain is false when the marker starts with a non-ASCII
// character, which only hclsyntax's Unicode tables can judge.
func heredocIntro(src []byte, i int) (marker []byte, next int, ok, certain bool) {
	j := i + 2
	if j < len(src) && src[j] == '-' {
		j++
	}
	if j >= len(src) {
		return nil, 0, false, true
	}
	c := src[j]
	if c >= 0x80 {
		return nil, 0, false, false
	}
	if c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
		return nil, 0, false, true
	}
	k := j + 1
	for k < len(src) {
		c := src[k]
		if c >= 0x80 {
			return nil, 0, false, false
		}
		if c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
			k++
			continue
		}
		break
	}
	m := src[j:k]
	switch {
	case k < len(src) && src[k] == '\n':
		return m, k + 1, true, true
	case k+1 < len(src) && src[k] == '\r' && src[k+1] == '\n':
		return m, k + 2, true, true
	}
	return nil, 0, false, true
}

// exactNesting lexes src with hclsyntax and applies the same limits to
// its tokens, reporting the first token over a limit.
func exactNesting(src []byte, filename string, start hcl.Pos, mode NestingMode) *hcl.Diagnostic {
	var tokens hclsyntax.Tokens
	switch mode {
	case NestTemplate:
		tokens, _ = hclsyntax.LexTemplate(src, filename, start)
	case NestExpression:
		tokens, _ = hclsyntax.LexExpression(src, filename, start)
	default:
		tokens, _ = hclsyntax.LexConfig(src, filename, start)
	}
	s := newNestState(mode)
	awaitingDirective := false
	for _, tok := range tokens {
		switch tok.Type {
		case hclsyntax.TokenOParen:
			s.open('(', false)
		case hclsyntax.TokenCParen:
			s.close("(")
		case hclsyntax.TokenOBrack:
			s.op()
			s.open('[', false)
		case hclsyntax.TokenCBrack:
			s.close("[")
		case hclsyntax.TokenOBrace:
			s.open('{', true)
		case hclsyntax.TokenCBrace:
			s.close("{")
		case hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
			s.open('q', false)
		case hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
			s.close("q")
		case hclsyntax.TokenTemplateInterp:
			s.open('i', false)
		case hclsyntax.TokenTemplateControl:
			s.open('c', false)
			awaitingDirective = true
		case hclsyntax.TokenTemplateSeqEnd:
			s.seqEnd()
			awaitingDirective = false
		case hclsyntax.TokenComma:
			s.sep()
		case hclsyntax.TokenNewline:
			s.newline()
		case hclsyntax.TokenComment:
			if bytes.HasSuffix(tok.Bytes, []byte("\n")) {
				s.newline()
			}
		case hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash,
			hclsyntax.TokenPercent, hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual,
			hclsyntax.TokenLessThan, hclsyntax.TokenGreaterThan, hclsyntax.TokenLessThanEq,
			hclsyntax.TokenGreaterThanEq, hclsyntax.TokenAnd, hclsyntax.TokenOr, hclsyntax.TokenBang,
			hclsyntax.TokenQuestion, hclsyntax.TokenDot:
			s.op()
		case hclsyntax.TokenIdent:
			if awaitingDirective {
				s.top().directive = directiveOf(tok.Bytes)
			}
			s.word(tok.Bytes)
		case hclsyntax.TokenQuotedLit, hclsyntax.TokenStringLit, hclsyntax.TokenEOF:
		default:
			s.top().fresh = false
		}
		switch tok.Type {
		case hclsyntax.TokenTemplateControl, hclsyntax.TokenNewline, hclsyntax.TokenComment:
		default:
			// Only a keyword first in the sequence makes a directive.
			awaitingDirective = false
		}
		if s.over != "" {
			return nestingDiag(s.over, tok.Range)
		}
	}
	return nil
}

func nestingDiag(why string, rng hcl.Range) *hcl.Diagnostic {
	detail := fmt.Sprintf("Brackets, braces, parentheses or templates nest more than %d levels deep here. spillway does not parse input this deep, so that hostile files cannot crash it; no real configuration needs it. Flatten the expression, or exclude the file with --exclude.", MaxNesting)
	if why == "depth" {
		detail = fmt.Sprintf("This expression, counting nested brackets and chains of operators such as a + b + c or !!x, is more than %d levels deep. spillway does not parse input this deep, so that hostile files cannot crash it. Split the expression into local values, or exclude the file with --exclude.", MaxExpressionDepth)
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Expression nesting too deep",
		Detail:   detail,
		Subject:  rng.Ptr(),
	}
}

// checkJSONNesting limits the nesting of JSON arrays and objects, and
// checks the templates in strings, which hcl/json parses with hclsyntax
// when it evaluates them.
func checkJSONNesting(src []byte, filename string, start hcl.Pos) *hcl.Diagnostic {
	depth := 0
	line, lineStart := start.Line, 0
	// posAt is computed only for a diagnostic: counting columns for
	// every string would make long lines quadratic.
	posAt := func(i, line, lineStart int) hcl.Range {
		col := utf8.RuneCount(src[lineStart:i]) + 1
		if line == start.Line {
			col += start.Column - 1
		}
		p := hcl.Pos{Line: line, Column: col, Byte: start.Byte + i}
		return hcl.Range{Filename: filename, Start: p, End: hcl.Pos{Line: line, Column: col + 1, Byte: p.Byte + 1}}
	}
	pos := func(i int) hcl.Range { return posAt(i, line, lineStart) }
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			line++
			lineStart = i + 1
		case '[', '{':
			depth++
			if depth > MaxNesting {
				return nestingDiag("nesting", pos(i))
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		case '"':
			// Where the string starts, before its (invalid) newlines
			// move the line on.
			strLine, strLineStart := line, lineStart
			j := i + 1
			for j < len(src) && src[j] != '"' {
				switch src[j] {
				case '\\':
					j++
				case '\n':
					// Not valid JSON; the parser reports it.
					line++
					lineStart = j + 1
				}
				j++
			}
			if j-i > MaxNesting {
				// A template can only be too deep when it is long;
				// escapes such as \u0024 may spell its ${.
				var s string
				end := min(j+1, len(src))
				if json.Unmarshal(src[i:end], &s) == nil && (strings.Contains(s, "${") || strings.Contains(s, "%{")) &&
					CheckNesting([]byte(s), filename, hcl.InitialPos, NestTemplate) != nil {
					// Check again from the string's position, which
					// takes counting the columns before it.
					tstart := posAt(i, strLine, strLineStart).Start
					tstart.Column++
					tstart.Byte++
					return CheckNesting([]byte(s), filename, tstart, NestTemplate)
				}
			}
			i = j
		}
	}
	return nil
}

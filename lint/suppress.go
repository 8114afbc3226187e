package lint

import (
	"bytes"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// The values of Finding.SuppressionKind, as SARIF names them.
const (
	// SuppressedInSource marks a finding suppressed by a comment in the
	// source (spillway:ignore or a recognised ignore comment of another
	// scanner).
	SuppressedInSource = "inSource"
	// SuppressedExternal marks a finding suppressed by a baseline file.
	SuppressedExternal = "external"
)

// SuppressionRuleID is the ID of the rule under which ApplySuppressions
// reports problems with suppression comments (rules.SPW000). Its findings
// cannot be suppressed with a comment, only with a baseline.
const SuppressionRuleID = "SPW000"

const (
	ignoreKeyword  = "spillway:ignore"
	checkovKeyword = "checkov:skip="
	grammarHint    = `write spillway:ignore SPW201[,SPW204] reason="why" [until=YYYY-MM-DD]`
)

// Directive is one suppression comment: a spillway:ignore, or an ignore
// comment of another scanner (checkov:skip, trivy:ignore, tfsec:ignore)
// for a check that maps to a spillway rule (see ForeignRule).
type Directive struct {
	// Label names the directive in messages, as written:
	// "spillway:ignore SPW201,SPW204", "checkov:skip=CKV_AWS_116" or
	// "trivy:ignore:AVD-AWS-0190".
	Label string
	// Foreign reports a comment of another scanner (checkov, trivy,
	// tfsec).
	Foreign bool
	// Rules are the spillway rule IDs it suppresses, in the order written,
	// without duplicates (other scanners' IDs already mapped).
	Rules []string
	// Reason is the justification, as valid UTF-8 without control
	// characters and with runs of white space collapsed.
	Reason string
	// Until is the last day the directive applies; zero means no expiry.
	Until time.Time
	// Problem says why the directive is malformed; a malformed directive
	// suppresses nothing.
	Problem string
	// Range is the comment, without its line break.
	Range hcl.Range
	// Target is the resource block the directive applies to; its Filename
	// is empty when there is none.
	Target hcl.Range
	// Resource is the target block's address within its module
	// (aws_lambda_function.api, data.aws_iam_policy_document.x).
	Resource string
}

// ParseDirectives finds the suppression comments of one native-syntax file
// (.tf, .tofu). Comments are found by lexing with hclsyntax.LexConfig, so
// "#" inside strings and heredocs is never mistaken for one. A comment is a
// directive when its text (after "#" or "//", or inside "/* */", with
// leading white space removed) starts with "spillway:ignore", or with
// "checkov:skip=", "trivy:ignore:" or "tfsec:ignore:" and names a check
// that maps to a spillway rule (ForeignRule).
//
// A directive applies to the resource, data or ephemeral block that
//   - encloses the comment, at any depth of nesting, or
//   - ends on the line where the comment starts (a trailing comment after
//     the closing brace), or
//   - starts on the line after the comment; other comment lines may stand
//     in between, a blank line may not (it detaches the comment, as it does
//     a Go doc comment).
//
// Otherwise its Target is empty and ApplySuppressions reports it.
// Malformed directives are returned with Problem set, not as diagnostics.
// The diagnostics are the syntax errors of a file that holds a directive
// (the same ones the parser reports, so a caller that loaded the file
// already may drop them); they explain a directive whose block could not
// be recognised. JSON files (.tf.json, .tofu.json) have no comments and
// give no directives.
func ParseDirectives(filename string, src []byte) ([]Directive, hcl.Diagnostics) {
	if strings.HasSuffix(strings.ToLower(filename), ".json") {
		return nil, nil
	}
	// Most files hold no directive: skip them without lexing.
	if !bytes.Contains(src, []byte(ignoreKeyword)) && !bytes.Contains(src, []byte(checkovKeyword)) && !mayHoldForeignIgnore(src) {
		return nil, nil
	}
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	var (
		out    []Directive
		blocks []targetBlock
		diags  hcl.Diagnostics
	)
	for i, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment {
			continue
		}
		d, ok := parseComment(CommentText(tok.Bytes))
		if !ok {
			continue
		}
		if blocks == nil {
			blocks, diags = targetBlocks(filename, src)
		}
		d.Range = commentRange(tok)
		if b := findTarget(tokens, i, blocks); b != nil {
			d.Target, d.Resource = b.rng, b.addr
		}
		out = append(out, d)
	}
	return out, diags
}

type targetBlock struct {
	rng   hcl.Range
	start int // byte offset of the block type keyword
	addr  string
}

// targetBlocks returns the top-level resource, data and ephemeral blocks
// of a file, in source order.
func targetBlocks(filename string, src []byte) ([]targetBlock, hcl.Diagnostics) {
	f, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	blocks := []targetBlock{}
	if f == nil {
		return blocks, diags
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return blocks, diags
	}
	for _, b := range body.Blocks {
		var addr string
		switch b.Type {
		case "resource":
			addr = strings.Join(b.Labels, ".")
		case "data", "ephemeral":
			addr = strings.Join(append([]string{b.Type}, b.Labels...), ".")
		default:
			continue
		}
		blocks = append(blocks, targetBlock{rng: b.Range(), start: b.TypeRange.Start.Byte, addr: addr})
	}
	return blocks, diags
}

// findTarget returns the block the comment tokens[i] applies to, or nil.
func findTarget(tokens hclsyntax.Tokens, i int, blocks []targetBlock) *targetBlock {
	c := tokens[i].Range
	for k := range blocks {
		b := &blocks[k]
		if c.Start.Byte > b.rng.Start.Byte && c.Start.Byte < b.rng.End.Byte {
			return b // inside
		}
		if c.Start.Byte >= b.rng.End.Byte && c.Start.Line == b.rng.End.Line {
			return b // trailing the closing brace
		}
	}
	prev := tokens[i]
	for _, t := range tokens[i+1:] {
		switch t.Type {
		case hclsyntax.TokenComment:
			prev = t
			continue
		case hclsyntax.TokenNewline:
			if lastLine(prev) < t.Range.Start.Line {
				return nil // a blank line detaches the comment
			}
			prev = t
			continue
		default:
			for k := range blocks {
				if blocks[k].start == t.Range.Start.Byte {
					return &blocks[k]
				}
			}
			return nil
		}
	}
	return nil
}

// lastLine is the line of a token's last byte (a "#" comment or a newline
// token ends with the line break, so its range ends on the next line).
func lastLine(t hclsyntax.Token) int {
	if len(t.Bytes) > 0 && t.Bytes[len(t.Bytes)-1] == '\n' && t.Range.End.Line > t.Range.Start.Line {
		return t.Range.End.Line - 1
	}
	return t.Range.End.Line
}

// commentRange is the token's range without the trailing line break of a
// "#" or "//" comment. Columns count runes.
func commentRange(t hclsyntax.Token) hcl.Range {
	r := t.Range
	b := t.Bytes
	if len(b) == 0 || b[len(b)-1] != '\n' {
		return r // a /* */ comment, or one at the end of the file
	}
	trimmed := strings.TrimRight(string(b), "\r\n")
	r.End = hcl.Pos{
		Line:   r.Start.Line,
		Column: r.Start.Column + utf8.RuneCountInString(trimmed),
		Byte:   r.Start.Byte + len(trimmed),
	}
	return r
}

// CommentText returns the text of an HCL comment token without its
// markers (#, // or /* */) and surrounding white space.
func CommentText(b []byte) string {
	s := string(b)
	switch {
	case strings.HasPrefix(s, "#"):
		s = s[1:]
	case strings.HasPrefix(s, "//"):
		s = s[2:]
	case strings.HasPrefix(s, "/*"):
		s = strings.TrimSuffix(s[2:], "*/")
	}
	return strings.TrimSpace(s)
}

// parseComment parses the text of a comment; ok is false when it is not a
// directive.
func parseComment(text string) (d Directive, ok bool) {
	switch {
	case strings.HasPrefix(text, ignoreKeyword):
		return parseIgnore(text), true
	case strings.HasPrefix(text, checkovKeyword):
		return parseCheckov(text)
	case strings.HasPrefix(text, trivyKeyword), strings.HasPrefix(text, tfsecKeyword):
		return parseForeignIgnore(text)
	}
	return Directive{}, false
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// parseIgnore parses
//
//	spillway:ignore ID[,ID...] [reason="..."|reason='...'|reason=word] [until=YYYY-MM-DD]
//
// with the options in any order, each at most once. Inside a quoted
// reason a backslash takes the next character literally.
func parseIgnore(text string) Directive {
	d := Directive{Label: ignoreKeyword}
	s := text[len(ignoreKeyword):]
	if s != "" && !isSpace(s[0]) {
		word := firstWord(text)
		if word == "spillway:ignore-file" {
			d.Problem = "spillway:ignore-file is not supported; put a spillway:ignore on each resource block"
		} else {
			d.Problem = fmt.Sprintf("%q is not a spillway directive; %s", word, grammarHint)
		}
		d.Label = cleanText(word)
		return d
	}
	p := &dirScanner{s: s}

	// Rule IDs: ID (, ID)*, white space allowed around commas.
	p.skipSpace()
	if p.done() {
		d.Problem = "it names no rule; " + grammarHint
		return d
	}
	var written []string
	seen := map[string]bool{}
	for {
		id := p.word()
		if id == "" || p.peek() == '=' {
			if len(written) == 0 {
				d.Problem = "it names no rule before its options; " + grammarHint
			} else {
				d.Problem = "its rule list ends with a comma; " + grammarHint
			}
			d.Label = labelOf(written)
			return d
		}
		written = append(written, id)
		switch {
		case d.Problem != "":
		case id == SuppressionRuleID:
			d.Problem = SuppressionRuleID + " cannot be suppressed with a comment; fix the directive it reports, or use a baseline"
		case !idPattern.MatchString(id):
			d.Problem = fmt.Sprintf("%q is not a rule ID like SPW201; %s", id, grammarHint)
		}
		if !seen[id] {
			seen[id] = true
			d.Rules = append(d.Rules, id)
		}
		save := p.i
		p.skipSpace()
		if p.peek() != ',' {
			p.i = save
			break
		}
		p.i++
		p.skipSpace()
	}
	d.Label = labelOf(written)
	if d.Problem != "" {
		return d
	}

	// Options.
	opts := map[string]bool{}
	for {
		p.skipSpace()
		if p.done() {
			break
		}
		start := p.i
		key := p.key()
		if key == "" || p.peek() != '=' {
			rest := p.s[start:]
			switch {
			case idPattern.MatchString(strings.TrimRight(firstWord(rest), ",")):
				d.Problem = fmt.Sprintf("unexpected %q; separate rule IDs with commas, not spaces", firstWord(rest))
			case key == "reason" || key == "until":
				d.Problem = fmt.Sprintf("write %s= with no space before the =", key)
			default:
				d.Problem = fmt.Sprintf("unexpected text %q; write the reason as reason=\"...\"", truncate(rest, 40))
			}
			return d
		}
		p.i++ // '='
		if key != "reason" && key != "until" {
			d.Problem = fmt.Sprintf("unknown option %s=; the options are reason= and until=", key)
			return d
		}
		if opts[key] {
			d.Problem = fmt.Sprintf("%s= is given twice", key)
			return d
		}
		opts[key] = true
		val, err := p.value()
		if err != "" {
			d.Problem = fmt.Sprintf("%s=: %s", key, err)
			return d
		}
		switch key {
		case "reason":
			d.Reason = cleanText(val)
		case "until":
			t, perr := time.Parse("2006-01-02", val)
			if perr != nil {
				d.Problem = fmt.Sprintf("until=%s is not a date of the form YYYY-MM-DD", truncate(val, 40))
				return d
			}
			d.Until = t
		}
	}
	return d
}

// cleanText makes a reason or a label fit for every report: valid UTF-8, no
// control characters, runs of white space collapsed to one space.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func labelOf(ids []string) string {
	if len(ids) == 0 {
		return ignoreKeyword
	}
	return cleanText(ignoreKeyword + " " + strings.Join(ids, ","))
}

func firstWord(s string) string {
	for i := 0; i < len(s); i++ {
		if isSpace(s[i]) {
			return s[:i]
		}
	}
	return s
}

// truncate shortens s to at most n runes for a message.
func truncate(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "..."
}

// isWordChar reports an ASCII letter, digit or underscore.
func isWordChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

type dirScanner struct {
	s string
	i int
}

func (p *dirScanner) done() bool { return p.i >= len(p.s) }

func (p *dirScanner) peek() byte {
	if p.done() {
		return 0
	}
	return p.s[p.i]
}

func (p *dirScanner) skipSpace() {
	for !p.done() && isSpace(p.s[p.i]) {
		p.i++
	}
}

func (p *dirScanner) rest() string { return p.s[p.i:] }

// word reads a rule ID: everything up to white space, a comma or "=".
func (p *dirScanner) word() string {
	start := p.i
	for !p.done() {
		c := p.s[p.i]
		if isSpace(c) || c == ',' || c == '=' {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

// key reads an option name: letters, digits, "_" and "-".
func (p *dirScanner) key() string {
	start := p.i
	for !p.done() {
		c := p.s[p.i]
		if !isWordChar(c) && c != '-' {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

// value reads an option value: a quoted string ('...' or "...", where a
// backslash escapes the next character) or a bare word. problem is set
// when the value is not well formed.
func (p *dirScanner) value() (val, problem string) {
	q := p.peek()
	if q != '"' && q != '\'' {
		v := firstWord(p.rest())
		p.i += len(v)
		if v == "" {
			return "", "no value; put the value right after the ="
		}
		return v, ""
	}
	p.i++
	var b strings.Builder
	for !p.done() {
		c := p.s[p.i]
		p.i++
		switch {
		case c == '\\' && !p.done():
			b.WriteByte(p.s[p.i])
			p.i++
		case c == q:
			if !p.done() && !isSpace(p.peek()) {
				return "", fmt.Sprintf("text right after the closing quote: %q", truncate(firstWord(p.rest()), 20))
			}
			return b.String(), ""
		default:
			b.WriteByte(c)
		}
	}
	return "", fmt.Sprintf("unterminated quote; close it with %c", q)
}

// parseCheckov parses checkov's own syntax, checkov:skip=ID[,ID...][:reason],
// and keeps the IDs that map to spillway rules.
func parseCheckov(text string) (Directive, bool) {
	s := text[len(checkovKeyword):]
	s = strings.TrimLeft(s, " ")
	end := 0
	for end < len(s) {
		c := s[end]
		if !isWordChar(c) && c != ',' {
			break
		}
		end++
	}
	idList, rest := s[:end], s[end:]
	d := Directive{Foreign: true}
	var written []string
	for _, id := range strings.Split(idList, ",") {
		rule, ok := ForeignRule(id)
		if !ok {
			continue
		}
		written = append(written, id)
		if !slices.Contains(d.Rules, rule) {
			d.Rules = append(d.Rules, rule)
		}
	}
	if len(d.Rules) == 0 {
		return Directive{}, false
	}
	d.Label = checkovKeyword + strings.Join(written, ",")
	if reason, ok := strings.CutPrefix(rest, ":"); ok {
		if nl := strings.IndexByte(reason, '\n'); nl >= 0 {
			reason = reason[:nl]
		}
		d.Reason = cleanText(reason)
	}
	return d, true
}

// ApplySuppressions applies the directives of dirs (keyed by file name, the
// same name as Finding.Range.Filename) to findings, which must be every
// finding of the scan (all root modules), so that "matches no finding" is
// true. A finding is suppressed (SuppressionKind "inSource",
// Justification the reason) when its range lies within a directive's
// target block and the directive names its rule ID; a finding suppressed
// already keeps its suppression. out is a copy of findings.
//
// problems are findings of rule (rules.SPW000, whose ID is
// SuppressionRuleID), anchored on the comment, in file and source order. A directive that is malformed, has no reason, or has
// expired (today is after its until date; only the date of today counts)
// suppresses nothing; unknown rule IDs (known returns false; nil knows
// every SPWnnn) are reported and the directive's other IDs still apply.
// A spillway:ignore that has no target block, or one of whose IDs matches
// no finding, is reported as unused. A comment of another scanner
// (checkov:skip, trivy:ignore, tfsec:ignore) is for that scanner first:
// it is only reported when it lacks a reason and would have suppressed a
// spillway finding, never as unused. AcceptWithoutReason lets such
// comments suppress without a reason.
//
// A caller that ran only some rules should remove the IDs of rules that
// did not run from each Directive.Rules first, or they are reported as
// unused.
func ApplySuppressions(findings []Finding, dirs map[string][]Directive, today time.Time, known func(id string) bool, rule *Rule) (out []Finding, problems []Finding) {
	return ApplySuppressionsWith(findings, dirs, today, known, rule, nil)
}

// ApplySuppressionsWith is ApplySuppressions whose problems fingerprint
// file names through pathKey (see RunOptions.PathKey: names relative to
// the repository root rather than to the working directory); a problem
// whose fingerprint that changes keeps the one of names as shown in
// LegacyFingerprints, which baselines of earlier versions hold. A nil
// pathKey hashes names as shown.
func ApplySuppressionsWith(findings []Finding, dirs map[string][]Directive, today time.Time, known func(id string) bool, rule *Rule, pathKey func(string) string) (out []Finding, problems []Finding) {
	if known == nil {
		known = func(string) bool { return true }
	}
	ty, tm, td := today.Date()
	todayDate := time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC)

	type state struct {
		active  bool
		expired bool
		matched map[string]bool
		used    map[string]bool
	}
	files := slices.Sorted(maps.Keys(dirs))
	states := map[string][]*state{}
	for _, file := range files {
		for _, d := range dirs[file] {
			st := &state{matched: map[string]bool{}, used: map[string]bool{}}
			st.expired = !d.Until.IsZero() && todayDate.After(d.Until)
			st.active = d.Problem == "" && d.Reason != "" && !st.expired && d.Target.Filename != ""
			states[file] = append(states[file], st)
		}
	}

	out = append([]Finding(nil), findings...)
	for i := range out {
		f := &out[i]
		ds := dirs[f.BlockRange().Filename]
		for k, d := range ds {
			if d.Target.Filename == "" || !covers(d.Target, f.BlockRange()) || !slices.Contains(d.Rules, f.RuleID) {
				continue
			}
			st := states[f.BlockRange().Filename][k]
			st.matched[f.RuleID] = true
			if !st.active || !known(f.RuleID) {
				continue
			}
			st.used[f.RuleID] = true
			if !f.Suppressed {
				f.Suppressed = true
				f.SuppressionKind = SuppressedInSource
				f.Justification = d.Reason
			}
		}
	}

	for _, file := range files {
		for k, d := range dirs[file] {
			st := states[file][k]
			report := func(kind, msg string) {
				problems = append(problems, suppressionProblem(rule, d, kind, msg, pathKey))
			}
			on := ""
			if d.Resource != "" {
				on = " on " + d.Resource
			}
			if d.Problem != "" {
				report("malformed", fmt.Sprintf("%s is malformed: %s", d.Label, d.Problem))
				continue
			}
			for _, id := range d.Rules {
				if !known(id) {
					report("unknown "+id, fmt.Sprintf("%s names %s, which is not a spillway rule; check the ID with spillway rules", d.Label, id))
				}
			}
			if d.Reason == "" {
				switch {
				case !d.Foreign:
					report("no reason", d.Label+` has no reason="..."; every suppression must say why`)
				case len(st.matched) > 0:
					report("no reason", fmt.Sprintf("%s has no reason, so spillway does not let it suppress %s%s; write %s:<why>",
						d.Label, strings.Join(slices.Sorted(maps.Keys(st.matched)), ", "), on, d.Label))
				}
				continue
			}
			if st.expired {
				report("expired", fmt.Sprintf("%s expired after until=%s and no longer suppresses %s%s; fix the finding or set a later date",
					d.Label, d.Until.Format("2006-01-02"), strings.Join(d.Rules, ","), on))
				continue
			}
			if d.Foreign {
				continue
			}
			if d.Target.Filename == "" {
				report("unattached", d.Label+" is neither on the line right above a resource block nor inside one, so it suppresses nothing; move it above the block (no blank line in between)")
				continue
			}
			for _, id := range d.Rules {
				if known(id) && !st.used[id] {
					fix := "remove it"
					if len(d.Rules) > 1 {
						fix = "remove " + id + " from it"
					}
					report("unused "+id, fmt.Sprintf("%s matches no %s finding%s; %s", d.Label, id, on, fix))
				}
			}
		}
	}
	return out, problems
}

// covers reports whether the finding range r lies within the lines of the
// target block.
func covers(target, r hcl.Range) bool {
	return r.Start.Line >= target.Start.Line && r.Start.Line <= target.End.Line && r.End.Line <= target.End.Line
}

// suppressionProblem builds a finding of rule (SPW000) on the directive's
// comment.
// Its root is the file's directory, and its fingerprint hashes the file,
// the directive, the problem and the target block instead of positions,
// so a baseline of SPW000 findings survives line moves too.
func suppressionProblem(rule *Rule, d Directive, kind, msg string, pathKey func(string) string) Finding {
	f := Finding{
		RuleID:   rule.ID,
		RuleName: rule.Name,
		Severity: rule.Severity,
		Message:  msg,
		Resource: d.Resource,
		Range:    d.Range,
		Root:     path.Dir(strings.ReplaceAll(d.Range.Filename, "\\", "/")),
	}
	if d.Resource != "" {
		f.Instances = []string{d.Resource}
	}
	fingerprint := func(file string) string {
		key := file + "\x00" + d.Label + "\x00" + kind + "\x00" + d.Resource
		return Fingerprint(rule.ID, key, path.Dir(strings.ReplaceAll(file, "\\", "/")))
	}
	f.Fingerprint = fingerprint(d.Range.Filename)
	if pathKey != nil {
		if fp := fingerprint(pathKey(d.Range.Filename)); fp != f.Fingerprint {
			f.LegacyFingerprints = []string{f.Fingerprint}
			f.Fingerprint = fp
		}
	}
	return f
}

package modfetch

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// DefaultRegistryHost is the registry of addresses that name no host.
const DefaultRegistryHost = "registry.terraform.io"

type sourceKind int

const (
	kindRegistry sourceKind = iota + 1
	kindGit
	kindHTTP
)

// source is a parsed module source.
type source struct {
	kind sourceKind

	// Registry addresses.
	host     string // for comparison: lower case, punycode, no ":443"
	hostDisp string // as written, or DefaultRegistryHost
	ns       string
	name     string
	provider string

	// Git and HTTP sources.
	url     *url.URL // git: without the query; http: without "archive="
	ref     string   // git ?ref=
	archive string   // http: "zip", "tar.gz", "tar.bz2", "tar" or "" (ask for X-Terraform-Get)

	subdir string // the "//SUBDIR" part, slash separated, "" for none
}

var (
	forcedRE   = regexp.MustCompile(`^([A-Za-z0-9]+)::(.+)$`)
	registryRE = regexp.MustCompile(`^(?:([^/]+)/)?` +
		`([0-9A-Za-z](?:[0-9A-Za-z_-]{0,62}[0-9A-Za-z])?)/` +
		`([0-9A-Za-z](?:[0-9A-Za-z_-]{0,62}[0-9A-Za-z])?)/` +
		`([0-9a-z]{1,64})$`)
	scpRE    = regexp.MustCompile(`^([A-Za-z0-9._-]+@[A-Za-z0-9.-]+):([^/].*)$`)
	commitRE = regexp.MustCompile(`^[0-9a-fA-F]{7,64}$`)
)

// IsRemote reports whether source names a module outside the calling
// module's tree, that is, whether it is not a local path ("./", "../", or
// their Windows forms).
func IsRemote(source string) bool {
	if source == "" {
		return false
	}
	for _, p := range []string{"./", "../", `.\`, `..\`} {
		if strings.HasPrefix(source, p) {
			return false
		}
	}
	return true
}

// parseSource reads a source as written in a module block (or in an
// X-Terraform-Get header).
func parseSource(raw string) (*source, error) {
	if !IsRemote(raw) {
		return nil, fmt.Errorf("%q is a local path, not a remote module", raw)
	}
	if strings.ContainsAny(raw, "\x00\r\n\t ") {
		return nil, fmt.Errorf("%w: source contains a space or control character", ErrRefused)
	}
	if m := forcedRE.FindStringSubmatch(raw); m != nil {
		forced, rest := strings.ToLower(m[1]), m[2]
		rest, sub := splitSubdir(rest)
		var s *source
		var err error
		switch forced {
		case "git":
			s, err = parseGit(rest)
		case "http", "https":
			s, err = parseHTTP(rest)
		default:
			return nil, fmt.Errorf("%w: %s:: sources", ErrUnsupported, forced)
		}
		if err != nil {
			return nil, err
		}
		s.subdir = sub
		return s, nil
	}

	rest, sub := splitSubdir(raw)
	var s *source
	var err error
	switch {
	case strings.Contains(rest, "://"):
		s, err = parseURLSource(rest)
	case scpRE.MatchString(rest):
		s, err = parseGit(rest)
	case strings.HasPrefix(rest, "github.com/"):
		s, err = parseGitHub(rest)
		if err == nil && s.subdir != "" {
			sub = path.Join(s.subdir, sub)
		}
	case strings.HasPrefix(rest, "bitbucket.org/"):
		return nil, fmt.Errorf("%w: bitbucket.org sources (use git::https://bitbucket.org/...)", ErrUnsupported)
	case strings.Contains(strings.SplitN(rest, "/", 2)[0], "amazonaws.com"):
		return nil, fmt.Errorf("%w: S3 sources", ErrUnsupported)
	case strings.Contains(strings.SplitN(rest, "/", 2)[0], "googleapis.com"):
		return nil, fmt.Errorf("%w: GCS sources", ErrUnsupported)
	default:
		s, err = parseRegistry(rest)
	}
	if err != nil {
		return nil, err
	}
	s.subdir = sub
	return s, nil
}

// splitSubdir splits "SRC//SUBDIR?QUERY" into "SRC?QUERY" and "SUBDIR",
// the way go-getter does: a "//" that is part of "scheme://" does not count.
func splitSubdir(src string) (string, string) {
	stop := len(src)
	if i := strings.Index(src, "?"); i >= 0 {
		stop = i
	}
	offset := 0
	if i := strings.Index(src[:stop], "://"); i >= 0 {
		offset = i + 3
	}
	i := strings.Index(src[offset:stop], "//")
	if i < 0 {
		return src, ""
	}
	i += offset
	sub := src[i+2:]
	src = src[:i]
	if q := strings.Index(sub, "?"); q >= 0 {
		src += sub[q:]
		sub = sub[:q]
	}
	return src, sub
}

func parseURLSource(raw string) (*source, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("parse URL: %w", err)
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return parseHTTP(raw)
	case "http":
		return nil, fmt.Errorf("%w: plain http URL %s (only https is allowed)", ErrRefused, u.Redacted())
	case "s3":
		return nil, fmt.Errorf("%w: S3 sources", ErrUnsupported)
	case "gcs":
		return nil, fmt.Errorf("%w: GCS sources", ErrUnsupported)
	default:
		return nil, fmt.Errorf("%w: %s:// URLs", ErrUnsupported, u.Scheme)
	}
}

func parseRegistry(raw string) (*source, error) {
	m := registryRE.FindStringSubmatch(raw)
	if m == nil {
		return nil, fmt.Errorf("%w: %q is neither a local path (./ or ../), a registry address (NAMESPACE/NAME/PROVIDER) nor a URL", ErrUnsupported, raw)
	}
	s := &source{kind: kindRegistry, ns: m[2], name: m[3], provider: m[4], hostDisp: m[1]}
	if s.hostDisp == "" {
		s.hostDisp = DefaultRegistryHost
	}
	host, err := comparableHost(s.hostDisp)
	if err != nil {
		return nil, fmt.Errorf("registry host %q: %w", s.hostDisp, err)
	}
	if host == "github.com" || host == "bitbucket.org" {
		return nil, fmt.Errorf("%q cannot be a module registry host", host)
	}
	s.host = host
	return s, nil
}

// parseGitHub reads github.com/ORG/REPO[/SUB...][?ref=...].
func parseGitHub(raw string) (*source, error) {
	p, q, _ := strings.Cut(raw, "?")
	parts := strings.Split(p, "/")
	if len(parts) < 3 || parts[1] == "" || parts[2] == "" {
		return nil, fmt.Errorf("github.com source %q needs an organization and a repository", raw)
	}
	repo := parts[2]
	if !strings.HasSuffix(repo, ".git") {
		repo += ".git"
	}
	u := "https://github.com/" + parts[1] + "/" + repo
	if q != "" {
		u += "?" + q
	}
	s, err := parseGit(u)
	if err != nil {
		return nil, err
	}
	if len(parts) > 3 {
		s.subdir = strings.Join(parts[3:], "/")
	}
	return s, nil
}

func parseGit(raw string) (*source, error) {
	if m := scpRE.FindStringSubmatch(raw); m != nil && !strings.Contains(raw, "://") {
		raw = "ssh://" + m[1] + "/" + m[2]
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("parse git URL: %w", err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	switch u.Scheme {
	case "https", "ssh", "file":
	case "http":
		return nil, fmt.Errorf("%w: plain http git URL %s (only https, ssh and file are allowed)", ErrRefused, u.Redacted())
	default:
		return nil, fmt.Errorf("%w: git over %q", ErrUnsupported, u.Scheme)
	}
	if u.Scheme != "file" && u.Host == "" {
		return nil, fmt.Errorf("git URL %s has no host", u.Redacted())
	}
	if strings.HasPrefix(u.Host, "-") || strings.HasPrefix(u.Path, "-") || strings.HasPrefix(u.User.Username(), "-") {
		return nil, fmt.Errorf("%w: git URL %s starts an element with '-'", ErrRefused, u.Redacted())
	}
	s := &source{kind: kindGit}
	for k, vs := range u.Query() {
		switch k {
		case "ref":
			s.ref = vs[len(vs)-1]
		case "depth":
			// Always 1 where possible.
		default:
			return nil, fmt.Errorf("%w: git query parameter %q", ErrUnsupported, k)
		}
	}
	if err := checkRef(s.ref); err != nil {
		return nil, err
	}
	u.RawQuery = ""
	u.Fragment = ""
	u.Host = strings.ToLower(u.Host)
	s.url = u
	return s, nil
}

func checkRef(ref string) error {
	if strings.HasPrefix(ref, "-") || strings.ContainsAny(ref, "\x00\r\n\t :?*[\\^~") || strings.Contains(ref, "..") {
		return fmt.Errorf("%w: git ref %q is not a valid ref name", ErrRefused, ref)
	}
	return nil
}

var archiveExts = []struct{ ext, kind string }{
	{".tar.gz", "tar.gz"},
	{".tgz", "tar.gz"},
	{".tar.bz2", "tar.bz2"},
	{".tbz2", "tar.bz2"},
	{".tar", "tar"},
	{".zip", "zip"},
}

func parseHTTP(raw string) (*source, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("parse URL: %w", err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	switch u.Scheme {
	case "https":
	case "http":
		return nil, fmt.Errorf("%w: plain http URL %s (only https is allowed)", ErrRefused, u.Redacted())
	default:
		return nil, fmt.Errorf("%w: %s:// URLs", ErrUnsupported, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("URL %s has no host", u.Redacted())
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment = ""
	s := &source{kind: kindHTTP, url: u}
	q := u.Query()
	if a, ok := q["archive"]; ok {
		kind := strings.ToLower(a[len(a)-1])
		if kind == "tgz" {
			kind = "tar.gz"
		}
		if kind == "tbz2" {
			kind = "tar.bz2"
		}
		switch kind {
		case "zip", "tar.gz", "tar.bz2", "tar":
			s.archive = kind
		case "false":
			return nil, fmt.Errorf("%w: a single file download (archive=false)", ErrUnsupported)
		default:
			return nil, fmt.Errorf("%w: archive type %q", ErrUnsupported, kind)
		}
		q.Del("archive")
		u.RawQuery = q.Encode()
		return s, nil
	}
	lp := strings.ToLower(u.Path)
	for _, e := range archiveExts {
		if strings.HasSuffix(lp, e.ext) {
			s.archive = e.kind
			return s, nil
		}
	}
	for _, e := range []string{".tar.xz", ".txz", ".xz", ".gz", ".bz2"} {
		if strings.HasSuffix(lp, e) {
			return nil, fmt.Errorf("%w: archive type %q", ErrUnsupported, e)
		}
	}
	return s, nil
}

// key is the cache key of the source: normalized, without the subdir.
func (s *source) key() string {
	switch s.kind {
	case kindRegistry:
		return strings.ToLower(s.host + "/" + s.ns + "/" + s.name + "/" + s.provider)
	case kindGit:
		return "git::" + s.url.String() + "?ref=" + s.ref
	default:
		return s.url.String() + "\x00" + s.archive
	}
}

// display is the human name of the source (credentials redacted).
func (s *source) display(version string) string {
	var b strings.Builder
	switch s.kind {
	case kindRegistry:
		b.WriteString(s.hostDisp + "/" + s.ns + "/" + s.name + "/" + s.provider)
	case kindGit:
		b.WriteString("git::" + s.url.Redacted())
	default:
		b.WriteString(s.url.Redacted())
	}
	if s.subdir != "" {
		b.WriteString("//" + s.subdir)
	}
	switch {
	case s.kind == kindRegistry && version != "":
		b.WriteString(" " + version)
	case s.kind == kindGit && s.ref != "":
		b.WriteString(" ref " + s.ref)
	}
	return b.String()
}

// packageName is Module.Package for this source and version.
func (s *source) packageName(version string) string {
	name := s.hostDisp + "/" + s.ns + "/" + s.name + "/" + s.provider
	if s.kind != kindRegistry {
		name = s.url.Host + s.url.Path
	}
	name = strings.Trim(name, "/")
	if name == "" {
		name = "module"
	}
	if version != "" {
		name += "@" + version
	}
	return name
}

// comparableHost normalizes a registry host the way Terraform's svchost
// does for comparison: lower case, international labels in punycode, the
// default port 443 dropped.
func comparableHost(h string) (string, error) {
	name, port := h, ""
	if i := strings.LastIndex(h, ":"); i >= 0 {
		name, port = h[:i], h[i+1:]
		if port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "" {
			return "", fmt.Errorf("invalid port %q", port)
		}
		port = strings.TrimLeft(port, "0")
		if port == "" {
			return "", errors.New("invalid port 0")
		}
		if port == "443" {
			port = ""
		}
	}
	ascii, err := toASCIIHost(name)
	if err != nil {
		return "", err
	}
	if port != "" {
		return ascii + ":" + port, nil
	}
	return ascii, nil
}

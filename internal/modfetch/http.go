package modfetch

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

const maxJSONBytes = 4 << 20

// get sends GET u with the token for u's host, if any, under the download
// timeout. The caller closes the body and then calls cancel.
func (f *Fetcher) get(ctx context.Context, u *url.URL) (*http.Response, context.CancelFunc, error) {
	if u.Scheme != "https" {
		return nil, nil, fmt.Errorf("%w: plain http URL %s (only https is allowed)", ErrRefused, u.Redacted())
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		cancel()
		return nil, nil, fmt.Errorf("GET %s: %w", u.Redacted(), err)
	}
	req.Header.Set("User-Agent", "spillway-modfetch")
	if tok := f.token(u.Host); tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		cancel()
		return nil, nil, fmt.Errorf("GET %s: %w", u.Redacted(), err)
	}
	return resp, cancel, nil
}

// token returns the TF_TOKEN_<host> credential for host, or "".
func (f *Fetcher) token(hostport string) string {
	h, err := comparableHost(hostport)
	if err != nil {
		return ""
	}
	for _, n := range tokenEnvNames(h) {
		if v := f.opts.Getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// getJSON decodes the 200 answer to GET u into v.
func (f *Fetcher) getJSON(ctx context.Context, u *url.URL, v any) error {
	resp, cancel, err := f.get(ctx, u)
	if err != nil {
		return err
	}
	defer cancel()
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u.Redacted(), resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxJSONBytes+1))
	if err != nil {
		return fmt.Errorf("GET %s: %w", u.Redacted(), err)
	}
	if len(b) > maxJSONBytes {
		return fmt.Errorf("%w: answer of %s is larger than %d bytes", ErrRefused, u.Redacted(), maxJSONBytes)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode the answer of %s: %w", u.Redacted(), err)
	}
	return nil
}

// isRelativeLocation reports whether an X-Terraform-Get value is a URL
// relative to the one that returned it (Terraform's rule).
func isRelativeLocation(loc string) bool {
	return strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "./") || strings.HasPrefix(loc, "../")
}

// parseLocation reads an X-Terraform-Get value returned by base.
func parseLocation(loc string, base *url.URL) (*source, error) {
	rest, sub := splitSubdir(loc)
	if isRelativeLocation(rest) {
		ref, err := url.Parse(rest)
		if err != nil {
			return nil, fmt.Errorf("download location %q: %w", loc, err)
		}
		rest = base.ResolveReference(ref).String()
	}
	if !IsRemote(rest) {
		return nil, fmt.Errorf("download location %q is a local path", loc)
	}
	s, err := parseSource(rest)
	if err != nil {
		return nil, fmt.Errorf("download location %q: %w", loc, err)
	}
	if s.kind == kindRegistry {
		return nil, fmt.Errorf("download location %q is a registry address, not a package", loc)
	}
	if sub != "" {
		if s.subdir != "" {
			s.subdir += "/" + sub
		} else {
			s.subdir = sub
		}
	}
	return s, nil
}

// getPackage fetches the package src names into pkg and returns where it
// came from and the subdirectory src names inside it. hops counts the
// X-Terraform-Get headers followed to reach src; remote tells that src was
// named by a server rather than by the user.
func (f *Fetcher) getPackage(ctx context.Context, src *source, hops int, remote bool, scratch, pkg string) (string, string, error) {
	switch src.kind {
	case kindGit:
		if remote && src.url.Scheme == "file" {
			return "", "", fmt.Errorf("%w: a server named the local git repository %s", ErrRefused, src.url.Redacted())
		}
		if _, err := f.gitClone(ctx, src, pkg); err != nil {
			return "", "", err
		}
		return src.display(""), src.subdir, nil
	case kindHTTP:
		if src.archive != "" {
			if err := f.downloadArchive(ctx, src, scratch, pkg); err != nil {
				return "", "", err
			}
			return src.url.Redacted(), src.subdir, nil
		}
		next, err := f.terraformGet(ctx, src.url)
		if err != nil {
			return "", "", err
		}
		if hops+1 > maxHops {
			return "", "", fmt.Errorf("%w: more than %d X-Terraform-Get hops (the last from %s)", ErrRefused, maxHops, src.url.Redacted())
		}
		nsrc, err := parseLocation(next.loc, next.from)
		if err != nil {
			return "", "", err
		}
		where, sub, err := f.getPackage(ctx, nsrc, hops+1, true, scratch, pkg)
		if err != nil {
			return "", "", err
		}
		if src.subdir != "" {
			if sub != "" {
				sub += "/" + src.subdir
			} else {
				sub = src.subdir
			}
		}
		return where, sub, nil
	default:
		return "", "", fmt.Errorf("%s is not a package location", src.display(""))
	}
}

type location struct {
	loc  string
	from *url.URL
}

// terraformGet asks an https URL that is not an archive for the real
// location of the package, as go-getter does: GET with terraform-get=1,
// and read the X-Terraform-Get header.
func (f *Fetcher) terraformGet(ctx context.Context, u *url.URL) (*location, error) {
	q := *u
	vals := q.Query()
	vals.Set("terraform-get", "1")
	q.RawQuery = vals.Encode()
	resp, cancel, err := f.get(ctx, &q)
	if err != nil {
		return nil, err
	}
	defer cancel()
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNoContent {
		return nil, fmt.Errorf("GET %s: %s", u.Redacted(), resp.Status)
	}
	loc := resp.Header.Get("X-Terraform-Get")
	if loc == "" {
		return nil, fmt.Errorf("%s is not an archive (.zip, .tar.gz, ?archive=...) and gave no X-Terraform-Get header", u.Redacted())
	}
	return &location{loc: loc, from: resp.Request.URL}, nil
}

// downloadArchive downloads the archive src into scratch and extracts it
// into pkg, both under the size cap.
func (f *Fetcher) downloadArchive(ctx context.Context, src *source, scratch, pkg string) error {
	resp, cancel, err := f.get(ctx, src.url)
	if err != nil {
		return err
	}
	defer cancel()
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", src.url.Redacted(), resp.Status)
	}
	limit := f.opts.MaxBytes
	if resp.ContentLength > limit {
		return fmt.Errorf("%w: %s is %d bytes, more than the limit of %d", ErrRefused, src.url.Redacted(), resp.ContentLength, limit)
	}
	file := filepath.Join(scratch, "download")
	out, err := os.OpenFile(file, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("create download file: %w", err)
	}
	n, err := io.Copy(out, io.LimitReader(resp.Body, limit+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("download %s: %w", src.url.Redacted(), err)
	}
	if n > limit {
		return fmt.Errorf("%w: %s is larger than the limit of %d bytes", ErrRefused, src.url.Redacted(), limit)
	}
	if err := extract(file, src.archive, pkg, limit); err != nil {
		return fmt.Errorf("extract %s: %w", src.url.Redacted(), err)
	}
	return nil
}

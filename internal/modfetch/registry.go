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
	"sort"
	"strings"

	version "github.com/hashicorp/go-version"
)

// fetchRegistry resolves the constraint of a registry module, against the
// registry or (offline) the cache, and installs the chosen version.
func (f *Fetcher) fetchRegistry(ctx context.Context, cache string, src *source, constraint string) (string, *entryMeta, error) {
	cons, err := parseConstraint(constraint)
	if err != nil {
		return "", nil, err
	}
	modDir := filepath.Join(cache, "registry", strings.ReplaceAll(src.host, ":", "_"),
		strings.ToLower(src.ns), strings.ToLower(src.name), strings.ToLower(src.provider))
	addr := src.hostDisp + "/" + src.ns + "/" + src.name + "/" + src.provider

	var chosen *version.Version
	switch {
	case !f.opts.Network:
		vs := cachedVersions(modDir)
		chosen = pickVersion(vs, cons)
		if chosen == nil {
			return "", nil, fmt.Errorf("%w: no cached version of %s meets %q (cached: %s)", ErrNotCached, addr, constraint, versionList(vs))
		}
	default:
		if ev := exactVersion(cons); ev != nil {
			if _, ok := lookup(filepath.Join(modDir, ev.String())); ok {
				chosen = ev
			}
		}
		if chosen == nil {
			base, err := f.discover(ctx, src)
			if err != nil {
				return "", nil, err
			}
			vs, err := f.listVersions(ctx, base, src)
			if err != nil {
				return "", nil, err
			}
			chosen = pickVersion(vs, cons)
			if chosen == nil {
				return "", nil, fmt.Errorf("no version of %s meets %q (available: %s)", addr, constraint, versionList(vs))
			}
		}
	}

	name := chosen.String()
	if !filepath.IsLocal(name) || strings.ContainsAny(name, `/\:`) {
		return "", nil, fmt.Errorf("%w: version %q cannot name a cache directory", ErrRefused, name)
	}
	entry := filepath.Join(modDir, name)
	meta, err := f.install(ctx, entry, func(ctx context.Context, scratch, pkg string) (*entryMeta, error) {
		base, err := f.discover(ctx, src)
		if err != nil {
			return nil, err
		}
		// The version as the registry wrote it ("v1.2.0" stays so).
		dl := base.ResolveReference(&url.URL{Path: src.ns + "/" + src.name + "/" + src.provider + "/" + chosen.Original() + "/download"})
		loc, err := f.downloadLocation(ctx, dl)
		if err != nil {
			return nil, err
		}
		where, sub, err := f.getPackage(ctx, loc, 1, true, scratch, pkg)
		if err != nil {
			return nil, err
		}
		return &entryMeta{Version: chosen.String(), Location: where, Subdir: sub}, nil
	})
	if err != nil {
		return "", nil, err
	}
	return entry, meta, nil
}

// discover returns the modules.v1 base URL of the registry host of src
// (https://HOST/.well-known/terraform.json), remembered per Fetcher.
func (f *Fetcher) discover(ctx context.Context, src *source) (*url.URL, error) {
	f.mu.Lock()
	base, ok := f.disco[src.host]
	f.mu.Unlock()
	if ok {
		return base, nil
	}
	u := &url.URL{Scheme: "https", Host: src.host, Path: "/.well-known/terraform.json"}
	var doc map[string]any
	if err := f.getJSON(ctx, u, &doc); err != nil {
		return nil, fmt.Errorf("service discovery for %s: %w", src.hostDisp, err)
	}
	raw, ok := doc["modules.v1"].(string)
	if !ok || raw == "" {
		return nil, fmt.Errorf("%s is not a module registry (no modules.v1 in %s)", src.hostDisp, u)
	}
	ref, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("service discovery for %s: modules.v1 %q: %w", src.hostDisp, raw, err)
	}
	base = u.ResolveReference(ref)
	if base.Scheme != "https" {
		return nil, fmt.Errorf("%w: registry %s serves modules from the plain http URL %s", ErrRefused, src.hostDisp, base.Redacted())
	}
	if !strings.HasSuffix(base.Path, "/") {
		base.Path += "/"
	}
	base.RawQuery, base.Fragment = "", ""
	f.mu.Lock()
	f.disco[src.host] = base
	f.mu.Unlock()
	return base, nil
}

type versionsResponse struct {
	Modules []struct {
		Versions []struct {
			Version string `json:"version"`
		} `json:"versions"`
	} `json:"modules"`
}

// listVersions lists the versions the registry has of src; those that do
// not parse are skipped.
func (f *Fetcher) listVersions(ctx context.Context, base *url.URL, src *source) ([]*version.Version, error) {
	u := base.ResolveReference(&url.URL{Path: src.ns + "/" + src.name + "/" + src.provider + "/versions"})
	var resp versionsResponse
	if err := f.getJSON(ctx, u, &resp); err != nil {
		return nil, fmt.Errorf("list versions: %w", err)
	}
	var vs []*version.Version
	for _, m := range resp.Modules {
		for _, mv := range m.Versions {
			v, err := version.NewVersion(mv.Version)
			if err != nil {
				continue
			}
			vs = append(vs, v)
		}
	}
	return vs, nil
}

// downloadLocation asks the registry where a version's package is.
func (f *Fetcher) downloadLocation(ctx context.Context, dl *url.URL) (*source, error) {
	resp, cancel, err := f.get(ctx, dl)
	if err != nil {
		return nil, err
	}
	defer cancel()
	defer func() { _ = resp.Body.Close() }()
	switch resp.StatusCode {
	case http.StatusOK, http.StatusNoContent:
	case http.StatusNotFound:
		return nil, fmt.Errorf("GET %s: the registry has no such module version", dl.Redacted())
	default:
		return nil, fmt.Errorf("GET %s: %s", dl.Redacted(), resp.Status)
	}
	loc := resp.Header.Get("X-Terraform-Get")
	if loc == "" && resp.StatusCode == http.StatusOK {
		var body struct {
			Location string `json:"location"`
		}
		b, err := io.ReadAll(io.LimitReader(resp.Body, maxJSONBytes))
		if err == nil && json.Unmarshal(b, &body) == nil {
			loc = body.Location
		}
	}
	if loc == "" {
		return nil, fmt.Errorf("GET %s: the registry gave no download location (X-Terraform-Get)", dl.Redacted())
	}
	return parseLocation(loc, resp.Request.URL)
}

// parseConstraint parses a version constraint; "" means any version.
func parseConstraint(s string) (version.Constraints, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	c, err := version.NewConstraint(s)
	if err != nil {
		return nil, fmt.Errorf("invalid version constraint %q: %w", s, err)
	}
	return c, nil
}

// exactOf returns the version an exact constraint ("1.2.0", "= 1.2.0")
// names, or nil.
func exactOf(c *version.Constraint) *version.Version {
	s := strings.TrimSpace(c.String())
	if strings.HasPrefix(s, "=") {
		s = strings.TrimSpace(s[1:])
	} else if s == "" || strings.ContainsAny(s[:1], "<>!~") {
		return nil
	}
	v, err := version.NewVersion(s)
	if err != nil {
		return nil
	}
	return v
}

// exactVersion returns the version that a constraint of exactly one exact
// version names, or nil.
func exactVersion(cons version.Constraints) *version.Version {
	if len(cons) != 1 {
		return nil
	}
	return exactOf(cons[0])
}

// pickVersion returns the newest version meeting cons. As in Terraform, a
// prerelease is picked only when a constraint names it exactly.
func pickVersion(vs []*version.Version, cons version.Constraints) *version.Version {
	var best *version.Version
	for _, v := range vs {
		if v.Prerelease() != "" {
			named := false
			for _, c := range cons {
				if e := exactOf(c); e != nil && e.Equal(v) {
					named = true
				}
			}
			if !named {
				continue
			}
		}
		if cons != nil && !cons.Check(v) {
			continue
		}
		if best == nil || v.GreaterThan(best) {
			best = v
		}
	}
	return best
}

// cachedVersions lists the complete cache entries of a registry module.
func cachedVersions(modDir string) []*version.Version {
	ents, err := os.ReadDir(modDir)
	if err != nil {
		return nil
	}
	var vs []*version.Version
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		v, err := version.NewVersion(e.Name())
		if err != nil || v.String() != e.Name() {
			continue
		}
		if _, ok := lookup(filepath.Join(modDir, e.Name())); ok {
			vs = append(vs, v)
		}
	}
	return vs
}

func versionList(vs []*version.Version) string {
	if len(vs) == 0 {
		return "none"
	}
	sorted := append([]*version.Version(nil), vs...)
	sort.Sort(version.Collection(sorted))
	s := make([]string, len(sorted))
	for i, v := range sorted {
		s[i] = v.String()
	}
	return strings.Join(s, ", ")
}

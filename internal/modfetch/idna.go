package modfetch

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// toASCIIHost lower-cases a host name and writes each label that is not
// ASCII in punycode (RFC 3492) with the "xn--" prefix, as IDNA does for
// the common case. Full IDNA mapping (NFKC, special case folds) is not
// done; a label that needs it is encoded as written in lower case.
func toASCIIHost(host string) (string, error) {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" {
		return "", errors.New("empty host name")
	}
	labels := strings.Split(host, ".")
	for i, l := range labels {
		if !utf8.ValidString(l) {
			return "", fmt.Errorf("host label %q is not UTF-8", l)
		}
		ascii := true
		for _, r := range l {
			if r >= 0x80 {
				ascii = false
				break
			}
		}
		if !ascii {
			l = "xn--" + punyEncode(l)
			labels[i] = l
		}
		if l == "" || len(l) > 63 || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") ||
			strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return "", fmt.Errorf("invalid host label %q", l)
		}
	}
	return strings.Join(labels, "."), nil
}

// punyEncode is the Punycode encoder of RFC 3492, section 6.3.
func punyEncode(s string) string {
	const (
		base        = 36
		tmin        = 1
		tmax        = 26
		initialBias = 72
		initialN    = 128
	)
	runes := []rune(s)
	var out []byte
	for _, r := range runes {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	b := len(out)
	h := b
	if b > 0 {
		out = append(out, '-')
	}
	n, delta, bias := rune(initialN), 0, initialBias
	for h < len(runes) {
		m := rune(0x7fffffff)
		for _, r := range runes {
			if r >= n && r < m {
				m = r
			}
		}
		delta += int(m-n) * (h + 1)
		n = m
		for _, r := range runes {
			if r < n {
				delta++
			}
			if r != n {
				continue
			}
			q := delta
			for k := base; ; k += base {
				t := k - bias
				if t < tmin {
					t = tmin
				} else if t > tmax {
					t = tmax
				}
				if q < t {
					break
				}
				out = append(out, punyDigit(t+(q-t)%(base-t)))
				q = (q - t) / (base - t)
			}
			out = append(out, punyDigit(q))
			bias = punyAdapt(delta, h+1, h == b)
			delta = 0
			h++
		}
		delta++
		n++
	}
	return string(out)
}

func punyDigit(d int) byte {
	const digits = "abcdefghijklmnopqrstuvwxyz0123456789"
	return digits[d]
}

func punyAdapt(delta, numPoints int, first bool) int {
	const (
		base = 36
		tmin = 1
		tmax = 26
		skew = 38
		damp = 700
	)
	if first {
		delta /= damp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := 0
	for delta > ((base-tmin)*tmax)/2 {
		delta /= base - tmin
		k += base
	}
	return k + (base-tmin+1)*delta/(delta+skew)
}

// tokenEnvNames are the names of the environment variables that may hold
// the token for a registry host (comparable form), following Terraform:
// TF_TOKEN_ then the host with "-" written "__" and "." written "_".
// Terraform matches the variable's name case-insensitively by listing the
// environment; with only a lookup function, the lower-case and the
// upper-case spellings are tried. A host with a port has no name (a colon
// cannot be written in a variable name).
func tokenEnvNames(host string) []string {
	if host == "" || strings.Contains(host, ":") {
		return nil
	}
	v := strings.ReplaceAll(host, "-", "__")
	v = strings.ReplaceAll(v, ".", "_")
	return []string{"TF_TOKEN_" + v, "TF_TOKEN_" + strings.ToUpper(v)}
}

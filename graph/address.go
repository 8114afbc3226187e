package graph

import (
	"strconv"
	"strings"
)

// CompareAddr orders Terraform addresses as Terraform lists them: segment by
// segment, names lexically, instance keys numerically when both are
// numbers. It returns -1, 0 or 1.
func CompareAddr(a, b string) int {
	sa, sb := splitAddr(a), splitAddr(b)
	for i := 0; i < len(sa) && i < len(sb); i++ {
		if c := compareSeg(sa[i], sb[i]); c != 0 {
			return c
		}
	}
	switch {
	case len(sa) < len(sb):
		return -1
	case len(sa) > len(sb):
		return 1
	}
	return 0
}

type addrSeg struct {
	name   string
	key    string
	hasKey bool
	num    bool
	n      int64
}

// splitAddr splits "module.a[\"k\"].aws_x.y[0]" into name segments with
// their instance keys.
func splitAddr(s string) []addrSeg {
	var out []addrSeg
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != '.' && s[j] != '[' {
			j++
		}
		seg := addrSeg{name: s[i:j]}
		i = j
		if i < len(s) && s[i] == '[' {
			k := i + 1
			if k < len(s) && s[k] == '"' {
				k++
				for k < len(s) && s[k] != '"' {
					if s[k] == '\\' {
						k++
					}
					k++
				}
				k++
			}
			for k < len(s) && s[k] != ']' {
				k++
			}
			raw := s[i+1 : min(k, len(s))]
			seg.hasKey = true
			if uq, err := strconv.Unquote(raw); err == nil {
				seg.key = uq
			} else {
				seg.key = raw
				if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
					seg.num, seg.n = true, n
				}
			}
			i = k + 1
		}
		if i < len(s) && s[i] == '.' {
			i++
		}
		out = append(out, seg)
	}
	return out
}

func compareSeg(a, b addrSeg) int {
	if c := strings.Compare(a.name, b.name); c != 0 {
		return c
	}
	switch {
	case !a.hasKey && b.hasKey:
		return -1
	case a.hasKey && !b.hasKey:
		return 1
	case a.num && b.num:
		switch {
		case a.n < b.n:
			return -1
		case a.n > b.n:
			return 1
		}
		return 0
	case a.num != b.num:
		if a.num {
			return -1
		}
		return 1
	}
	return strings.Compare(a.key, b.key)
}

// BlockAddr returns addr without its instance keys: the address of the
// blocks, "module.a.aws_x.y" for "module.a[\"k\"].aws_x.y[0]".
func BlockAddr(addr string) string {
	segs := splitAddr(addr)
	names := make([]string, len(segs))
	for i, s := range segs {
		names[i] = s.name
	}
	return strings.Join(names, ".")
}

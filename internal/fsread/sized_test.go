package fsread

import (
	"errors"
	"strings"
	"testing"
)

// TestReadSized: a file read into a buffer of its stat size is read whole
// even when it grew since, and refused once it grew past the limit.
func TestReadSized(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		content   string
		size, max int64
		wantErr   error
	}{
		{"as stat said", "abcdef", 6, 10, nil},
		{"shrank", "abc", 6, 10, nil},
		{"grew within the limit", "abcdefghi", 6, 10, nil},
		{"grew past the limit", "abcdefghijklmnop", 6, 10, ErrTooLarge},
		{"unknown size", "abcdef", 0, 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := readSized("f", strings.NewReader(tt.content), tt.size, tt.max)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || string(b) != tt.content {
				t.Fatalf("readSized = %q, %v; want %q", b, err, tt.content)
			}
		})
	}
}

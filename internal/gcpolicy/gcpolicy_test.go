package gcpolicy

import "testing"

func TestLimit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                      string
		live, floor, factor, want int64
	}{
		{"small heap keeps the floor", 10 << 20, 192 << 20, 2, 192 << 20},
		{"at half the floor", 96 << 20, 192 << 20, 2, 192 << 20},
		{"large heap doubles", 300 << 20, 192 << 20, 2, 600 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Limit(tt.live, tt.floor, tt.factor); got != tt.want {
				t.Errorf("Limit(%d, %d, %d) = %d, want %d", tt.live, tt.floor, tt.factor, got, tt.want)
			}
		})
	}
}

func TestApplyRespectsEnvironment(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		env := func(k string) string {
			if k == name {
				return "100"
			}
			return ""
		}
		if Apply(env) {
			t.Errorf("Apply with %s set installed the policy", name)
		}
	}
}

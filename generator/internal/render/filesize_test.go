package render

import "testing"

func TestFileSize(t *testing.T) {
	for _, c := range []struct {
		n       int64
		decimal string
		want    string
	}{
		{0, ",", ""},
		{-1, ",", ""},
		{1, ",", "1\u00a0kB"},
		{1011, ",", "1\u00a0kB"},
		{1500, ",", "2\u00a0kB"},
		{245_300, ".", "245\u00a0kB"},
		{999_499, ".", "999\u00a0kB"},
		{999_500, ".", "1\u00a0MB"},
		{1_540_000, ",", "1,5\u00a0MB"},
		{1_540_000, ".", "1.5\u00a0MB"},
		{12_000_000, ",", "12\u00a0MB"},
	} {
		if got := fileSize(c.n, c.decimal); got != c.want {
			t.Errorf("fileSize(%d, %q) = %q, want %q", c.n, c.decimal, got, c.want)
		}
	}
}

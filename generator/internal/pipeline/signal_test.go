package pipeline

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalStopsBuild runs the real generator on a site of large bodies,
// some as deep as the bounds allow and some past them, and sends it
// SIGTERM or SIGINT while it renders them: it stops within a second (no
// body is started after the signal, and main does not wait for the ones
// being rendered), exits with status 1 and leaves public/ as it was.
func TestSignalStopsBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator and renders large bodies")
	}
	bin := generator(t)
	root := siteCopy(t, "")
	mediumSite(t, root, 20, 0)
	out := filepath.Join(t.TempDir(), "public")
	if b, err := exec.Command(bin, "build", "-root", root, "-out", out, "-now", "2026-11-27").CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	before := manifest(t, out)

	const n = 60
	mediumSite(t, root, n, 1)
	bodies := []string{
		strings.Repeat(strings.Repeat("- ", 32)+"x\n", 900_000/66),   // as deep as allowed
		strings.Repeat(">", 900_000),                                 // past the bound
		strings.Repeat(strings.Repeat("[a](", 64)+"\n", 900_000/257), // as many open as allowed
		strings.Repeat("*a_", 300_000),                               // past the bound
	}
	files, _ := filepath.Glob(filepath.Join(root, "content", "theses", "*.md"))
	for i, f := range files {
		fh, err := os.OpenFile(f, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		fh.WriteString("\n" + bodies[i%len(bodies)])
		if err := fh.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "build", "-root", root, "-out", out, "-now", "2026-11-27")
			var buf bytes.Buffer
			cmd.Stdout, cmd.Stderr = &buf, &buf
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(2 * time.Second) // loaded, rendering bodies
			sent := time.Now()
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			took := time.Since(sent)
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 1 {
				t.Errorf("exit: %v, want status 1\n%s", err, buf.String())
			}
			if took > 5*time.Second {
				t.Errorf("stopped %v after the signal", took.Round(time.Millisecond))
			}
			if want := "build failed, " + out + " left as it was: " + sig.String() + " signal received\n"; buf.String() != want {
				t.Errorf("output %q, want %q", buf.String(), want)
			}
			if after := manifest(t, out); !maps.Equal(before, after) {
				t.Errorf("public/ changed:\n%s", manifestDiff(before, after))
			}
			t.Logf("stopped %v after the signal", took.Round(time.Millisecond))
		})
	}
}

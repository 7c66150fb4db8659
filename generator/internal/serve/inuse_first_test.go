package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/diag"
)

// TestInUseBeforeBuild checks that a preview whose address is taken says
// so before it builds the site: it used to build every page (seconds for
// a large site) and only then say that another program listens there.
func TestInUseBeforeBuild(t *testing.T) {
	logs := &logBuf{}
	err := Run(context.Background(), Options{Root: fixture(t), Addr: takenAddr(t),
		Now: fixedNow, Logf: logs.logf, Debounce: 20 * time.Millisecond})
	if m, ok := err.(diag.Message); !ok || m.ID != diag.ServeAddrInUse {
		t.Fatalf("Run: %v, want the address in use", err)
	}
	if strings.TrimSpace(logs.String()) != "" {
		t.Errorf("printed before the address in use:\n%s", logs)
	}
}

package serve

import (
	"bufio"
	"fmt"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestEventClientsDoNotLeak connects 200 live-reload clients, drops them
// all (some before reading anything, some after the first event), and
// checks that the server is still answering and that its goroutines return
// to where they were.
func TestEventClientsDoNotLeak(t *testing.T) {
	root := fixture(t)
	r := start(t, root)
	host := strings.TrimPrefix(r.base, "http://")

	// Warm up: one full request/response so lazily started goroutines exist.
	if code, _ := r.get(t, "/"); code != 200 {
		t.Fatalf("home: %d", code)
	}
	before := settledGoroutines(0)

	const clients = 200
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i := range clients {
		wg.Go(func() {
			conn, err := net.DialTimeout("tcp", host, wait)
			if err != nil {
				errs <- err
				return
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(wait))
			fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\n\r\n", eventsPath, host)
			if i%2 == 0 {
				return // drop at once
			}
			status, err := bufio.NewReader(conn).ReadString('\n')
			if err != nil {
				errs <- err
				return
			}
			if !strings.Contains(status, "200") {
				errs <- fmt.Errorf("events: %q", status)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	if code, _ := r.get(t, "/exjobb/"); code != 200 {
		t.Errorf("after 200 clients: GET /exjobb/ = %d", code)
	}
	if after := settledGoroutines(before); after > before+2 {
		t.Errorf("goroutines: %d before the clients, %d after they left", before, after)
	}
}

// settledGoroutines waits until the number of goroutines drops to at most
// target (or stops changing) and returns it.
func settledGoroutines(target int) int {
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		m := runtime.NumGoroutine()
		if (target > 0 && m <= target) || (target == 0 && m == n) {
			return m
		}
		n = m
	}
	return n
}

package main

import (
	"io"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"slices"
)

// startProfiles starts the CPU profile and the execution trace of build
// -cpuprofile and -trace (a file name, or "" for none), and returns what
// stops them and writes the heap profile of -memprofile, at the end.
func startProfiles(cpuprofile, traceFile, memprofile string) (stop func(), err error) {
	var stops []func()
	stop = func() {
		for _, s := range slices.Backward(stops) {
			s()
		}
	}
	for _, p := range []struct {
		file  string
		start func(io.Writer) error
		stop  func()
	}{{cpuprofile, pprof.StartCPUProfile, pprof.StopCPUProfile}, {traceFile, trace.Start, trace.Stop}} {
		if p.file == "" {
			continue
		}
		f, err := os.Create(p.file)
		if err != nil {
			stop()
			return nil, err
		}
		p.start(f)
		stops = append(stops, func() { p.stop(); f.Close() })
	}
	if memprofile != "" {
		stops = append(stops, func() {
			if f, err := os.Create(memprofile); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		})
	}
	return stop, nil
}

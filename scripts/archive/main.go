// Command archive writes the reproducible release archives of
// scripts/release.sh, with the standard library only, so that two runs
// give the same bytes on any system: entries sorted by name, every time
// set to one instant, owner and group 0 without names, mode 0755 for the
// program and 0644 for everything else, gzip without a name or a time.
//
//	go run ./scripts/archive pack -o OUT.tar.gz|OUT.zip -mtime UNIXSECONDS -dir NAME -exec FILE NAME=SRC...
//	go run ./scripts/archive sums DIR
//
// pack writes the files SRC as NAME inside the folder NAME given by -dir;
// -exec names the program. sums writes DIR/SHA256SUMS for the archives in
// DIR, in the format of sha256sum.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "archive:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return errors.New("usage: archive pack|sums (see the package comment)")
	}
	switch args[0] {
	case "pack":
		fs := flag.NewFlagSet("pack", flag.ContinueOnError)
		out := fs.String("o", "", "the archive to write: .zip or .tar.gz")
		mtime := fs.Int64("mtime", 0, "the time of every entry, in seconds since 1970")
		dir := fs.String("dir", "", "the folder that holds everything in the archive")
		exec := fs.String("exec", "", "the name of the program, made executable")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		files, err := entries(fs.Args())
		if err != nil {
			return err
		}
		b, err := pack(*out, *dir, *exec, time.Unix(*mtime, 0).UTC(), files)
		if err != nil {
			return err
		}
		return os.WriteFile(*out, b, 0o644)
	case "sums":
		if len(args) != 2 {
			return errors.New("usage: archive sums DIR")
		}
		return sums(args[1])
	}
	return fmt.Errorf("unknown command %q", args[0])
}

// file is one entry: its name in the archive and its bytes.
type file struct {
	name string
	data []byte
}

// entries reads NAME=SRC arguments, sorted by NAME.
func entries(args []string) ([]file, error) {
	var files []file
	for _, a := range args {
		name, src, ok := strings.Cut(a, "=")
		if !ok || name == "" || strings.Contains(name, "..") {
			return nil, fmt.Errorf("%q is not NAME=SRC", a)
		}
		b, err := os.ReadFile(src)
		if err != nil {
			return nil, err
		}
		files = append(files, file{name, b})
	}
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.name, b.name) })
	return files, nil
}

// pack returns the archive: a .zip for a name ending in .zip, else a
// .tar.gz.
func pack(out, dir, exec string, mtime time.Time, files []file) ([]byte, error) {
	var buf bytes.Buffer
	mode := func(name string) int64 {
		if name == exec {
			return 0o755
		}
		return 0o644
	}
	if strings.HasSuffix(out, ".zip") {
		zw := zip.NewWriter(&buf)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(w, flate.BestCompression)
		})
		for _, f := range files {
			h := &zip.FileHeader{Name: path.Join(dir, f.name), Method: zip.Deflate, Modified: mtime}
			h.SetMode(os.FileMode(mode(f.name)))
			w, err := zw.CreateHeader(h)
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(f.data); err != nil {
				return nil, err
			}
		}
		err := zw.Close()
		return buf.Bytes(), err
	}
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(gz)
	err = tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: dir + "/", Mode: 0o755, ModTime: mtime, Format: tar.FormatUSTAR})
	for _, f := range files {
		if err != nil {
			break
		}
		h := &tar.Header{Typeflag: tar.TypeReg, Name: path.Join(dir, f.name), Mode: mode(f.name),
			Size: int64(len(f.data)), ModTime: mtime, Format: tar.FormatUSTAR}
		if err = tw.WriteHeader(h); err == nil {
			_, err = tw.Write(f.data)
		}
	}
	err = errors.Join(err, tw.Close(), gz.Close())
	return buf.Bytes(), err
}

// sums writes dir/SHA256SUMS: one line "HASH  NAME" per archive, sorted
// by name.
func sums(dir string) error {
	names, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var lines []string
	for _, e := range names {
		if !strings.HasSuffix(e.Name(), ".zip") && !strings.HasSuffix(e.Name(), ".tar.gz") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		lines = append(lines, hex.EncodeToString(sum[:])+"  "+e.Name()+"\n")
	}
	return os.WriteFile(filepath.Join(dir, "SHA256SUMS"), []byte(strings.Join(lines, "")), 0o644)
}

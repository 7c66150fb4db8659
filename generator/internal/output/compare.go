package output

import (
	"io"
	"time"
)

// update makes the open file f hold data, writing only when it differs.
func (s *Stage) update(f file, data []byte) (same bool, err error) {
	if same, err := s.equal(f, data); err != nil || same {
		return same, err
	}
	if _, err := f.WriteAt(data, 0); err != nil {
		return false, err
	}
	st, err := f.stat()
	if err != nil {
		return false, err
	}
	if st.size > int64(len(data)) {
		return false, f.truncate(int64(len(data)))
	}
	return false, nil
}

// equal reports whether the open file f holds data. It compares a chunk
// at a time (one read for most pages), then reads one byte more to see
// whether the file is longer: a large output (a search index) needs no
// buffer of its size.
func (s *Stage) equal(f file, data []byte) (bool, error) {
	bp := s.bufs.Get().(*[]byte)
	defer s.bufs.Put(bp)
	buf := *bp
	for off := 0; ; off += compareChunk {
		want := min(len(data)-off, compareChunk)
		n, err := f.ReadAt(buf[:want+1], int64(off))
		if err != nil && err != io.EOF {
			return false, err
		}
		if n < want || string(buf[:want]) != string(data[off:off+want]) {
			return false, nil
		}
		if off+want == len(data) {
			return n == want, nil // else the file is longer
		}
	}
}

// fileStat is what stat tells of an open file.
type fileStat struct {
	size    int64
	mod     time.Time
	regular bool
}

// compareChunk is how many bytes update compares at a time.
const compareChunk = 256 << 10

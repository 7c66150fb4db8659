package markdown

import (
	"reflect"
	"testing"
)

// TestRawHTMLTags checks which HTML tags of a body are listed for check's
// warning, and where.
func TestRawHTMLTags(t *testing.T) {
	tests := []struct {
		name, src string
		want      []LinkError
	}{
		{"block", "<div>x</div>\n", []LinkError{{Line: 5, Col: 1, Msg: "<div>"}}},
		{"inline", "a <span>x</span> b\n", []LinkError{{Line: 5, Col: 3, Msg: "<span>"}}},
		{"indented block", "   <iframe src=x></iframe>\n", []LinkError{{Line: 5, Col: 4, Msg: "<iframe src=x>"}}},
		{"tag over two lines", "a <b\nclass=x>y</b>\n", []LinkError{{Line: 5, Col: 3, Msg: "<b\n"}}},
		{"CRLF", "<div class=\"a\"\r\nb>\r\n", []LinkError{{Line: 5, Col: 1, Msg: "<div class=\"a\"\n"}}},
		{"comment", "  <!-- c -->\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New().Render([]byte(tt.src), 5, records(nil)).RawHTML
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("RawHTML = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// Package templates is the portal's default look: the layouts, partials,
// page templates, UI strings (i18n/) and assets of this folder, embedded
// in the program, so that a site folder with only config.toml and content/
// builds. A site's own templates/ folder overrides them file by file
// (render.LoadSite). This Go file is the only one here; designers edit the
// HTML, TOML, CSS and JS beside it.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed layouts partials pages i18n assets
var files embed.FS

// FS returns the default templates, rooted at this folder (paths are
// layouts/base.html, i18n/sv.toml, assets/site.css, ...).
func FS() fs.FS { return files }

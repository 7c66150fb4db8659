module portal

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/fsnotify/fsnotify v1.10.1
	github.com/yuin/goldmark v1.8.7
	golang.org/x/image v0.48.0
	golang.org/x/tools v0.51.0
)

require golang.org/x/sys v0.50.0

require golang.org/x/term v0.48.0

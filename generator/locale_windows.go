package main

import "golang.org/x/sys/windows"

// systemLocale returns the first language the user's Windows is set to
// show ("sv-SE"), or "".
func systemLocale() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}

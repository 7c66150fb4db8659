package main

import "strings"

// withSystemLocale returns getenv, except that LANG, when none of LC_ALL,
// LC_MESSAGES and LANG is set, is the language of the system (system
// returns it as Windows names it, "sv-SE", or "" for none): Windows sets
// none of them, and an editor whose Windows speaks Swedish was answered
// in English. A setting in the environment, as a terminal on macOS or
// Linux makes it, still decides.
func withSystemLocale(getenv func(string) string, system func() string) func(string) string {
	return func(key string) string {
		v := getenv(key)
		if key != "LANG" || v != "" || getenv("LC_ALL") != "" || getenv("LC_MESSAGES") != "" {
			return v
		}
		return strings.ReplaceAll(system(), "-", "_")
	}
}

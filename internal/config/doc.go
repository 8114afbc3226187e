// Package config reads spillway's configuration file, .spillway.hcl.
//
// The file is HCL and every key is optional:
//
//	exclude = ["legacy/**", "examples/**"]
//
//	settings {
//	  account_concurrency_limit = 3000 # default 1000
//	  visibility_multiplier     = 6    # default 6 (SPW303)
//	}
//
//	rule "SPW404" {
//	  enabled = false
//	}
//
//	rule "SPW201" {
//	  severity = "high" # low | medium | high
//	}
//
// The settings block accepts exactly the settings the rules of the catalog
// passed to Load declare (lint.Rule.Settings): their names, whole numbers
// no smaller than each setting's Min.
//
// Find locates the file by walking up from a directory, Load parses and
// validates it and reports every problem as an hcl.Diagnostic with the
// position of the offending key or value, and the methods of Config give
// the CLI the values to combine with its flags. Starter renders the
// commented file that "spillway init" writes.
//
// The package reads no flags and keeps no state: a nil *Config behaves as
// an empty file, so a caller that found no file can use it unchanged.
package config

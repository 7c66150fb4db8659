package render

import (
	"cmp"
	"regexp"

	"portal/generator/internal/diag"
)

// templateForm is a known English form of an error of text/template,
// html/template or the templates' functions: its text as Go writes it,
// with the parts that vary as groups, which are the message's arguments
// in order.
type templateForm struct {
	re *regexp.Regexp
	id diag.ID
}

// form compiles a templateForm; pattern is anchored at both ends.
func form(pattern string, id diag.ID) templateForm {
	return templateForm{regexp.MustCompile(`^` + pattern + `$`), id}
}

const quoted = `("(?:[^"\\]|\\.)*")` // a Go-quoted string, %q

// The forms of text/template/parse (parse.go, lex.go), text/template
// (exec.go, funcs.go), html/template (escape.go, transition.go) and the
// templates' functions (funcs.go, lookup), which templateWords gives in
// the language of the messages. Compiled once, never written.
var templateForms = []templateForm{
	form(`function `+quoted+` not defined`, diag.TmplFuncUndefined),
	form(`unexpected EOF`, diag.TmplEOF),
	form(`unexpected EOF: the \{\{(\w+)\}\} opened here has no \{\{end\}\}`, diag.TmplEOFBlock),
	form(`unexpected (\{\{end\}\}|\{\{else\}\})`, diag.TmplUnexpectedEnd),
	form(`undefined variable `+quoted, diag.TmplUndefinedVar),
	form(`undefined variable: (\S+)`, diag.TmplUndefinedVarRun),
	form(`unclosed action`, diag.TmplUnclosed),
	form(`unclosed action, opened here: is its "\}\}" missing\?`, diag.TmplUnclosedHere),
	form(`bad character (U\+[0-9A-F]{4,6} '.+')`, diag.TmplBadChar),
	form(`bad character (U\+[0-9A-F]{4,6} '.+'), in the action opened here: is its "\}\}" missing\?`, diag.TmplBadCharOpen),
	form(`unrecognized character in action: (U\+[0-9A-F]{4,6}(?: '.+')?)`, diag.TmplCharInAction),
	form(`unclosed comment`, diag.TmplCommentOpen),
	form(`comment ends before closing delimiter`, diag.TmplCommentEnd),
	form(`unclosed left paren`, diag.TmplParenOpen),
	form(`unexpected right paren`, diag.TmplParenExtra),
	form(`unterminated quoted string`, diag.TmplQuoteOpen),
	form(`unterminated raw quoted string`, diag.TmplRawQuoteOpen),
	form(`unterminated character constant`, diag.TmplCharOpen),
	form(`bad number syntax: `+quoted, diag.TmplNumber),
	form(`expected :=`, diag.TmplExpectDeclare),
	form(`template: multiple definition of template `+quoted, diag.TmplDefinedTwice),
	form(`empty command`, diag.TmplEmptyCommand),
	form(`\{\{break\}\} outside \{\{range\}\}`, diag.TmplBreakOutside),
	form(`\{\{continue\}\} outside \{\{range\}\}`, diag.TmplContinueOutside),
	form(`unexpected \. after term `+quoted, diag.TmplDotAfter),
	form(`expected end; found (.+)`, diag.TmplExpectEnd),
	form(`map has no entry for key `+quoted, diag.TmplNoKey),
	form(`nil data; no entry for key `+quoted, diag.TmplNilData),
	form(`can't evaluate field (\S+) in type (.+)`, diag.TmplNoField),
	form(`nil pointer evaluating (.+)`, diag.TmplNilPointer),
	form(`wrong number of args for (\S+): want (\d+) got (\d+)`, diag.TmplArgCount),
	form(`wrong number of args for (\S+): want at least (\d+) got (\d+)`, diag.TmplArgCountMin),
	form(`wrong number of args for (\S+): got (\d+) want (\d+)`, diag.TmplCallArgCount),
	form(`wrong number of args for (\S+): got (\d+) want at least (\d+)`, diag.TmplCallArgCountMin),
	form(quoted+` is not a defined function`, diag.TmplNotFunc),
	form(`template `+quoted+` not defined`, diag.TmplNotDefined),
	form(quoted+` is an incomplete or empty template`, diag.TmplIncomplete),
	form(`can't give argument to non-function (.+)`, diag.TmplNoArgs),
	form(`wrong type for value; expected (\S+); got (\S+)`, diag.TmplWrongType),
	form(`index out of range: (-?\d+)`, diag.TmplIndexRange),
	form(`incompatible types for comparison: (\S+) and (\S+)`, diag.TmplCompareTypes),
	form(`invalid type for comparison`, diag.TmplCompareBad),
	form(`missing argument for comparison`, diag.TmplCompareMissing),
	form(`range can't iterate over (.+)`, diag.TmplRangeOver),
	form(`exceeded maximum template depth \((\d+)\)`, diag.TmplDepth),
	form(quoted+` in attribute name: (.+)`, diag.TmplAttrName),
	form(quoted+` in unquoted attr: (.+)`, diag.TmplUnquotedAttr),
	form(`expected space, attr name, or end of tag, but got (.+)`, diag.TmplTagSpace),
	form(`ends in a non-text context: (.+)`, diag.TmplEndContext),
	form(`(.+) appears in an ambiguous context within a URL`, diag.TmplURLAmbiguous),
	form(`\{\{(\w+)\}\} branches end in different contexts: (.+)`, diag.TmplBranches),
	form(`no such template `+quoted, diag.TmplNoSuchTemplate),
	form(`predefined escaper `+quoted+` disallowed in template`, diag.TmplEscaper),
	form(`unknown UI string `+quoted+` \(not in (.+)\)`, diag.TmplUIString),
	form(`no UI strings for language `+quoted+` \(add (.+)\)`, diag.TmplUILanguage),
	form(`no asset `+quoted+` under (.+)`, diag.TmplNoAsset),
	form(`no partial `+quoted+` in (.+)`, diag.TmplNoPartial),
	form(`\{\{template\}\} needs the name of a template in quotes, as in \{\{template "name" \.\}\}; found (.+)`, diag.TmplTemplateName),
	form(`\{\{block\}\} needs the name of a template in quotes, as in \{\{block "name" \.\}\}; found (.+)`, diag.TmplBlockName),
	form(`\{\{define\}\} needs the name of a template in quotes, as in \{\{define "name"\}\}; found (.+)`, diag.TmplDefineName),
	form(`unexpected <define> in command`, diag.TmplDefineNested),
	form(`(\S+) has arguments but cannot be invoked as function`, diag.TmplFieldArgs),
	form(`(\S+) is not a method but has arguments`, diag.TmplNotMethod),
	form(`(\S+) is an unexported field of struct type (.+)`, diag.TmplUnexported),
	form(`can't use (.+) to iterate over more than one variable`, diag.TmplRangeTwo),
	form(`len of type (.+)`, diag.TmplLenType),
	form(`len of nil pointer`, diag.TmplLenNil),
	form(`can't index item of type (.+)`, diag.TmplIndexType),
	form(`index of untyped nil`, diag.TmplIndexNil),
	form(`index of nil pointer`, diag.TmplIndexNilPointer),
	form(`cannot index slice/array with type (.+)`, diag.TmplIndexWith),
	form(`cannot index slice/array with nil`, diag.TmplIndexWithNil),
	form(`value has type (\S+); should be (.+)`, diag.TmplValueType),
	form(`value is nil; should be of type (.+)`, diag.TmplValueNil),
	form(`non executable command in pipeline stage (\d+)`, diag.TmplPipeStage),
	form(`nil is not a command`, diag.TmplNilCommand),
	form(`illegal number syntax: `+quoted, diag.TmplIllegalNumber),
	form(`malformed character constant: (.+)`, diag.TmplCharConst),
	form(`non-function (\S+) of type (.+)`, diag.TmplCallNonFunc),
	form(`if/with can't use (.+)`, diag.TmplIfWith),
	form(`range can only initialize variables`, diag.TmplRangeDeclare),
	form(`can't use (.+) iterate over more than one variable`, diag.TmplRangeTwoFunc),
	form(`'/' could start a division or regexp: (.+)`, diag.TmplSlashAmbiguous),
	form(`unfinished escape sequence in JS string: (.+)`, diag.TmplJSEscape),
	form(`unfinished JS regexp charset: (.+)`, diag.TmplJSCharset),
	form(`unfinished escape sequence in CSS string: (.+)`, diag.TmplCSSEscape),
	form(`cannot compute output context for template (.+)`, diag.TmplOutputContext),
}

// The forms that hold another error's text (the last group), or a word
// of the parser's for where it was (contextWord).
var (
	executingRE  = regexp.MustCompile(`^executing ` + quoted + ` at <(.*?)>: (.*)$`)
	callingRE    = regexp.MustCompile(`^error calling (\S+): (.*)$`)
	argRE        = regexp.MustCompile(`^arg (\d+): (.*)$`)
	reentryRE    = regexp.MustCompile(`^on range loop re-entry: (.*)$`)
	breakRE      = regexp.MustCompile(`^at range loop break: (.*)$`)
	continueRE   = regexp.MustCompile(`^at range loop continue: (.*)$`)
	unclosedAtRE = regexp.MustCompile(`^unclosed action started at (\S+:\d+)$`)
	inActionRE   = regexp.MustCompile(`^(.+) in action started at (\S+:\d+)$`)
	unexpectedRE = regexp.MustCompile(`^unexpected (.+) in (.+)$`)
	missingRE    = regexp.MustCompile(`^missing value for (.+)$`)
	declsRE      = regexp.MustCompile(`^too many declarations in (.+)$`)
)

// templateWords returns the message of msg, the English text of a
// template's error (after "path:line:col: "), in the catalog's words of
// its form, with the errors it holds in theirs; a form that is not known
// is diag.TmplOther, msg itself, so that nothing is lost. Its English text
// is msg.
func templateWords(msg string) diag.Message {
	if m := executingRE.FindStringSubmatch(msg); m != nil {
		return diag.M(diag.TmplExecuting, m[1], m[2], templateWords(m[3]))
	}
	if m := callingRE.FindStringSubmatch(msg); m != nil {
		return diag.M(diag.TmplCalling, m[1], templateWords(m[2]))
	}
	if m := argRE.FindStringSubmatch(msg); m != nil {
		return diag.M(diag.TmplArg, m[1], templateWords(m[2]))
	}
	if m := reentryRE.FindStringSubmatch(msg); m != nil {
		return diag.M(diag.TmplRangeReentry, templateWords(m[1]))
	}
	if m := breakRE.FindStringSubmatch(msg); m != nil {
		return diag.M(diag.TmplRangeBreak, templateWords(m[1]))
	}
	if m := continueRE.FindStringSubmatch(msg); m != nil {
		return diag.M(diag.TmplRangeContinue, templateWords(m[1]))
	}
	if m := unclosedAtRE.FindStringSubmatch(msg); m != nil {
		return diag.M(diag.TmplUnclosedAt, m[1])
	}
	if m := inActionRE.FindStringSubmatch(msg); m != nil {
		return diag.M(diag.TmplInActionAt, templateWords(m[1]), m[2])
	}
	for _, f := range templateForms {
		if m := f.re.FindStringSubmatch(msg); m != nil {
			args := make([]any, len(m)-1)
			for i, s := range m[1:] {
				args[i] = s
			}
			return diag.M(f.id, args...)
		}
	}
	if m := unexpectedRE.FindStringSubmatch(msg); m != nil {
		token := any(m[1])
		if m[1] == "EOF" {
			token = diag.Text{En: "EOF", Sv: "slut på filen"}
		}
		return diag.M(diag.TmplUnexpected, token, contextWord(m[2]))
	}
	if m := missingRE.FindStringSubmatch(msg); m != nil {
		return diag.M(diag.TmplMissingValue, contextWord(m[1]))
	}
	if m := declsRE.FindStringSubmatch(msg); m != nil {
		return diag.M(diag.TmplTooManyDecls, contextWord(m[1]))
	}
	return diag.M(diag.TmplOther, msg)
}

// contextWord is the parser's word for where a token is ("operand", "if",
// "define clause"), and its Swedish; a word it does not know stays as
// it is in both.
func contextWord(word string) diag.Text {
	sv := cmp.Or(map[string]string{
		"operand":                "ett värde",
		"command":                "uttrycket",
		"input":                  "mallen",
		"if":                     "{{if}}",
		"range":                  "{{range}}",
		"with":                   "{{with}}",
		"end":                    "{{end}}",
		"else":                   "{{else}}",
		"define clause":          "{{define}}",
		"template clause":        "{{template}}",
		"block clause":           "{{block}}",
		"parenthesized pipeline": "parentesen",
		"{{break}}":              "{{break}}",
		"{{continue}}":           "{{continue}}",
	}[word], word)
	return diag.Text{En: word, Sv: sv}
}

// worded returns e, a template's error whose message is Go's English
// (Msg, without an ID), with the catalog's message of that text
// (templateWords), which prints the same in English.
func worded(e diag.Error) diag.Error {
	if e.ID != "" {
		return e
	}
	w := diag.Of(e.Path, e.Line, e.Col, templateWords(e.Msg))
	w.Severity = e.Severity
	return w
}

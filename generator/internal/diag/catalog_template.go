package diag

// The messages of the templates (package render): the known forms of the
// parse and execution errors of text/template and html/template, whose
// English is Go's own text, and render's own. The arguments are the
// parts of Go's text, quoted as it quotes them; a form that is not here
// prints as TmplOther, Go's English kept.
const (
	TmplOther           ID = "tmpl.other"
	TmplRendering       ID = "tmpl.rendering"
	TmplExecuting       ID = "tmpl.executing"
	TmplCalling         ID = "tmpl.calling"
	TmplArg             ID = "tmpl.arg"
	TmplInActionAt      ID = "tmpl.in-action-at"
	TmplUnclosedAt      ID = "tmpl.unclosed-at"
	TmplNoBase          ID = "tmpl.no-base"
	TmplNoPage          ID = "tmpl.no-page"
	TmplNoMain          ID = "tmpl.no-main"
	TmplFuncUndefined   ID = "tmpl.func-undefined"
	TmplUnexpected      ID = "tmpl.unexpected"
	TmplUnexpectedEnd   ID = "tmpl.unexpected-end"
	TmplEOF             ID = "tmpl.eof"
	TmplEOFBlock        ID = "tmpl.eof-block"
	TmplMissingValue    ID = "tmpl.missing-value"
	TmplTooManyDecls    ID = "tmpl.too-many-decls"
	TmplUndefinedVar    ID = "tmpl.undefined-var"
	TmplUndefinedVarRun ID = "tmpl.undefined-var-run"
	TmplUnclosed        ID = "tmpl.unclosed"
	TmplUnclosedHere    ID = "tmpl.unclosed-here"
	TmplBadChar         ID = "tmpl.bad-char"
	TmplBadCharOpen     ID = "tmpl.bad-char-open"
	TmplCharInAction    ID = "tmpl.char-in-action"
	TmplCommentOpen     ID = "tmpl.comment-open"
	TmplCommentEnd      ID = "tmpl.comment-end"
	TmplParenOpen       ID = "tmpl.paren-open"
	TmplParenExtra      ID = "tmpl.paren-extra"
	TmplQuoteOpen       ID = "tmpl.quote-open"
	TmplRawQuoteOpen    ID = "tmpl.raw-quote-open"
	TmplCharOpen        ID = "tmpl.char-open"
	TmplNumber          ID = "tmpl.number"
	TmplExpectDeclare   ID = "tmpl.expect-declare"
	TmplDefinedTwice    ID = "tmpl.defined-twice"
	TmplEmptyCommand    ID = "tmpl.empty-command"
	TmplBreakOutside    ID = "tmpl.break-outside"
	TmplContinueOutside ID = "tmpl.continue-outside"
	TmplDotAfter        ID = "tmpl.dot-after"
	TmplExpectEnd       ID = "tmpl.expect-end"
	TmplNoKey           ID = "tmpl.no-key"
	TmplNilData         ID = "tmpl.nil-data"
	TmplNoField         ID = "tmpl.no-field"
	TmplNilPointer      ID = "tmpl.nil-pointer"
	TmplArgCount        ID = "tmpl.arg-count"
	TmplArgCountMin     ID = "tmpl.arg-count-min"
	TmplCallArgCount    ID = "tmpl.call-arg-count"
	TmplCallArgCountMin ID = "tmpl.call-arg-count-min"
	TmplNotFunc         ID = "tmpl.not-func"
	TmplNotDefined      ID = "tmpl.not-defined"
	TmplIncomplete      ID = "tmpl.incomplete"
	TmplNoArgs          ID = "tmpl.no-args"
	TmplWrongType       ID = "tmpl.wrong-type"
	TmplIndexRange      ID = "tmpl.index-range"
	TmplCompareTypes    ID = "tmpl.compare-types"
	TmplCompareBad      ID = "tmpl.compare-bad"
	TmplCompareMissing  ID = "tmpl.compare-missing"
	TmplRangeOver       ID = "tmpl.range-over"
	TmplDepth           ID = "tmpl.depth"
	TmplAttrName        ID = "tmpl.attr-name"
	TmplUnquotedAttr    ID = "tmpl.unquoted-attr"
	TmplTagSpace        ID = "tmpl.tag-space"
	TmplEndContext      ID = "tmpl.end-context"
	TmplURLAmbiguous    ID = "tmpl.url-ambiguous"
	TmplBranches        ID = "tmpl.branches"
	TmplNoSuchTemplate  ID = "tmpl.no-such-template"
	TmplEscaper         ID = "tmpl.escaper"
	TmplUIString        ID = "tmpl.ui-string"
	TmplUILanguage      ID = "tmpl.ui-language"
	TmplNoAsset         ID = "tmpl.no-asset"
	TmplNoPartial       ID = "tmpl.no-partial"
	TmplTemplateName    ID = "tmpl.template-name"
	TmplBlockName       ID = "tmpl.block-name"
	TmplDefineName      ID = "tmpl.define-name"
	TmplDefineNested    ID = "tmpl.define-nested"
	TmplFieldArgs       ID = "tmpl.field-args"
	TmplNotMethod       ID = "tmpl.not-method"
	TmplUnexported      ID = "tmpl.unexported"
	TmplRangeTwo        ID = "tmpl.range-two"
	TmplLenType         ID = "tmpl.len-type"
	TmplLenNil          ID = "tmpl.len-nil"
	TmplIndexType       ID = "tmpl.index-type"
	TmplIndexNil        ID = "tmpl.index-nil"
	TmplIndexNilPointer ID = "tmpl.index-nil-pointer"
	TmplIndexWith       ID = "tmpl.index-with"
	TmplIndexWithNil    ID = "tmpl.index-with-nil"
	TmplValueType       ID = "tmpl.value-type"
	TmplValueNil        ID = "tmpl.value-nil"
	TmplPipeStage       ID = "tmpl.pipe-stage"
	TmplNilCommand      ID = "tmpl.nil-command"
	TmplIllegalNumber   ID = "tmpl.illegal-number"
	TmplCharConst       ID = "tmpl.char-const"
	TmplCallNonFunc     ID = "tmpl.call-non-func"
	TmplRangeReentry    ID = "tmpl.range-reentry"
	TmplRangeBreak      ID = "tmpl.range-break"
	TmplRangeContinue   ID = "tmpl.range-continue"
	TmplIfWith          ID = "tmpl.if-with"
	TmplRangeDeclare    ID = "tmpl.range-declare"
	TmplRangeTwoFunc    ID = "tmpl.range-two-func"
	TmplSlashAmbiguous  ID = "tmpl.slash-ambiguous"
	TmplJSEscape        ID = "tmpl.js-escape"
	TmplJSCharset       ID = "tmpl.js-charset"
	TmplCSSEscape       ID = "tmpl.css-escape"
	TmplOutputContext   ID = "tmpl.output-context"
)

var templateTexts = map[ID]Text{
	TmplOther: {En: `%s`,
		Sv: `fel i mallen (Go:s beskrivning på engelska): %s`},
	TmplRendering: {En: `rendering %s: %s`,
		Sv: `när sidan %s skapades: %s`},
	TmplExecuting: {En: `executing %s at <%s>: %s`,
		Sv: `i mallen %s vid <%s>: %s`},
	TmplCalling: {En: `error calling %s: %s`,
		Sv: `funktionen %s gav ett fel: %s`},
	TmplArg: {En: `arg %s: %s`,
		Sv: `argument %s: %s`},
	TmplInActionAt: {En: `%s in action started at %s`,
		Sv: `%s, i {{ som börjar på %s`},
	TmplUnclosedAt: {En: `unclosed action started at %s`,
		Sv: `{{ som börjar på %s avslutas aldrig – saknas dess "}}"?`},
	TmplNoBase: {En: `missing: the base layout every page is rendered in`,
		Sv: `saknas: grundlayouten som varje sida skapas i`},
	TmplNoPage: {En: `missing: the template of %q pages`,
		Sv: `saknas: mallen för sidor av typen %q`},
	TmplNoMain: {En: `page template must {{define "main"}}`,
		Sv: `sidmallen måste ha {{define "main"}}`},
	TmplFuncUndefined: {En: `function %s not defined`,
		Sv: `funktionen %s finns inte`},
	TmplUnexpected: {En: `unexpected %s in %s`,
		Sv: `oväntat %s i %s`},
	TmplUnexpectedEnd: {En: `unexpected %s`,
		Sv: `%s hör inte till något {{if}}, {{range}}, {{with}}, {{block}} eller {{define}}`},
	TmplEOF: {En: `unexpected EOF`,
		Sv: `filen tar slut mitt i ett block – saknas ett {{end}}?`},
	TmplEOFBlock: {En: `unexpected EOF: the {{%s}} opened here has no {{end}}`,
		Sv: `filen tar slut men {{%s}} som börjar här har inget {{end}}`},
	TmplMissingValue: {En: `missing value for %s`,
		Sv: `värde saknas i %s`},
	TmplTooManyDecls: {En: `too many declarations in %s`,
		Sv: `för många variabler i %s`},
	TmplUndefinedVar: {En: `undefined variable %s`,
		Sv: `variabeln %s finns inte`},
	TmplUndefinedVarRun: {En: `undefined variable: %s`,
		Sv: `variabeln %s finns inte`},
	TmplUnclosed: {En: `unclosed action`,
		Sv: `{{ avslutas aldrig – saknas "}}"?`},
	TmplUnclosedHere: {En: `unclosed action, opened here: is its "}}" missing?`,
		Sv: `{{ som börjar här avslutas aldrig – saknas dess "}}"?`},
	TmplBadChar: {En: `bad character %s`,
		Sv: `tecknet %s får inte stå här`},
	TmplBadCharOpen: {En: `bad character %s, in the action opened here: is its "}}" missing?`,
		Sv: `tecknet %s får inte stå i {{ som börjar här – saknas dess "}}"?`},
	TmplCharInAction: {En: `unrecognized character in action: %s`,
		Sv: `tecknet %s får inte stå mellan {{ och }}`},
	TmplCommentOpen: {En: `unclosed comment`,
		Sv: `kommentaren avslutas aldrig – avsluta den med */}}`},
	TmplCommentEnd: {En: `comment ends before closing delimiter`,
		Sv: `kommentaren ska sluta med */}}`},
	TmplParenOpen: {En: `unclosed left paren`,
		Sv: `parentesen stängs aldrig – saknas en )?`},
	TmplParenExtra: {En: `unexpected right paren`,
		Sv: `oväntad ) – den stänger ingen parentes`},
	TmplQuoteOpen: {En: `unterminated quoted string`,
		Sv: `texten saknar avslutande citattecken (")`},
	TmplRawQuoteOpen: {En: "unterminated raw quoted string",
		Sv: "texten saknar avslutande bakåtapostrof (`)"},
	TmplCharOpen: {En: `unterminated character constant`,
		Sv: `tecknet saknar avslutande apostrof (')`},
	TmplNumber: {En: `bad number syntax: %s`,
		Sv: `%s är inget tal som går att läsa`},
	TmplExpectDeclare: {En: `expected :=`,
		Sv: `här ska stå :=`},
	TmplDefinedTwice: {En: `template: multiple definition of template %s`,
		Sv: `mallen %s definieras två gånger`},
	TmplEmptyCommand: {En: `empty command`,
		Sv: `tomt uttryck`},
	TmplBreakOutside: {En: `{{break}} outside {{range}}`,
		Sv: `{{break}} står utanför {{range}}`},
	TmplContinueOutside: {En: `{{continue}} outside {{range}}`,
		Sv: `{{continue}} står utanför {{range}}`},
	TmplDotAfter: {En: `unexpected . after term %s`,
		Sv: `oväntad punkt efter %s`},
	TmplExpectEnd: {En: `expected end; found %s`,
		Sv: `här ska stå {{end}}, inte %s`},
	TmplNoKey: {En: `map has no entry for key %s`,
		Sv: `nyckeln %s finns inte`},
	TmplNilData: {En: `nil data; no entry for key %s`,
		Sv: `värdet är tomt (nil), så nyckeln %s finns inte`},
	TmplNoField: {En: `can't evaluate field %s in type %s`,
		Sv: `fältet %s finns inte i typen %s`},
	TmplNilPointer: {En: `nil pointer evaluating %s`,
		Sv: `%s går inte att läsa: värdet är tomt (nil)`},
	TmplArgCount: {En: `wrong number of args for %s: want %s got %s`,
		Sv: `fel antal argument till %s: ska vara %s, är %s`},
	TmplArgCountMin: {En: `wrong number of args for %s: want at least %s got %s`,
		Sv: `fel antal argument till %s: ska vara minst %s, är %s`},
	TmplCallArgCount: {En: `wrong number of args for %s: got %s want %s`,
		Sv: `fel antal argument till %s: är %s, ska vara %s`},
	TmplCallArgCountMin: {En: `wrong number of args for %s: got %s want at least %s`,
		Sv: `fel antal argument till %s: är %s, ska vara minst %s`},
	TmplNotFunc: {En: `%s is not a defined function`,
		Sv: `funktionen %s finns inte`},
	TmplNotDefined: {En: `template %s not defined`,
		Sv: `mallen %s finns inte`},
	TmplIncomplete: {En: `%s is an incomplete or empty template`,
		Sv: `mallen %s är ofullständig eller tom`},
	TmplNoArgs: {En: `can't give argument to non-function %s`,
		Sv: `%s är ingen funktion och kan inte ta argument`},
	TmplWrongType: {En: `wrong type for value; expected %s; got %s`,
		Sv: `fel typ på värdet: ska vara %s, är %s`},
	TmplIndexRange: {En: `index out of range: %s`,
		Sv: `index %s ligger utanför listan`},
	TmplCompareTypes: {En: `incompatible types for comparison: %s and %s`,
		Sv: `%s och %s går inte att jämföra`},
	TmplCompareBad: {En: `invalid type for comparison`,
		Sv: `värdet går inte att jämföra`},
	TmplCompareMissing: {En: `missing argument for comparison`,
		Sv: `ett värde att jämföra med saknas`},
	TmplRangeOver: {En: `range can't iterate over %s`,
		Sv: `range kan inte gå igenom %s`},
	TmplDepth: {En: `exceeded maximum template depth (%s)`,
		Sv: `mallarna anropar varandra i för många nivåer (över %s)`},
	TmplAttrName: {En: `%s in attribute name: %s`,
		Sv: `%s får inte stå i ett attributnamn: %s`},
	TmplUnquotedAttr: {En: `%s in unquoted attr: %s`,
		Sv: `%s får inte stå i ett attributvärde utan citattecken: %s`},
	TmplTagSpace: {En: `expected space, attr name, or end of tag, but got %s`,
		Sv: `här ska stå ett mellanslag, ett attributnamn eller slutet av taggen, inte %s`},
	TmplEndContext: {En: `ends in a non-text context: %s`,
		Sv: `mallen slutar inne i en tagg, ett attribut, ett skript eller liknande – stängs allt som öppnas? (%s)`},
	TmplURLAmbiguous: {En: `%s appears in an ambiguous context within a URL`,
		Sv: `%s står där det inte går att avgöra vilken del av adressen det hör till`},
	TmplBranches: {En: `{{%s}} branches end in different contexts: %s`,
		Sv: `grenarna i {{%s}} slutar på olika ställen i HTML-koden – stängs samma taggar och attribut i alla? (%s)`},
	TmplNoSuchTemplate: {En: `no such template %s`,
		Sv: `mallen %s finns inte`},
	TmplEscaper: {En: `predefined escaper %s disallowed in template`,
		Sv: `%s får inte användas i mallarna: värden skyddas redan där de skrivs ut`},
	TmplUIString: {En: `unknown UI string %s (not in %s)`,
		Sv: `texten %s saknas i %s`},
	TmplUILanguage: {En: `no UI strings for language %s (add %s)`,
		Sv: `det finns inga texter för språket %s – lägg till %s`},
	TmplNoAsset: {En: `no asset %s under %s`,
		Sv: `filen %s finns inte under %s`},
	TmplNoPartial: {En: `no partial %s in %s`,
		Sv: `delmallen %s finns inte i %s`},
	TmplTemplateName: {En: `{{template}} needs the name of a template in quotes, as in {{template "name" .}}; found %s`,
		Sv: `{{template}} ska följas av namnet på en mall inom citattecken, som i {{template "namn" .}} – här står %s`},
	TmplBlockName: {En: `{{block}} needs the name of a template in quotes, as in {{block "name" .}}; found %s`,
		Sv: `{{block}} ska följas av namnet på en mall inom citattecken, som i {{block "namn" .}} – här står %s`},
	TmplDefineName: {En: `{{define}} needs the name of a template in quotes, as in {{define "name"}}; found %s`,
		Sv: `{{define}} ska följas av namnet på en mall inom citattecken, som i {{define "namn"}} – här står %s`},
	TmplDefineNested: {En: `unexpected <define> in command`,
		Sv: `{{define}} får inte stå inuti en annan mall – flytta det till efter den mallens {{end}}`},
	TmplFieldArgs: {En: `%s has arguments but cannot be invoked as function`,
		Sv: `%s är ingen funktion och kan inte ta argument`},
	TmplNotMethod: {En: `%s is not a method but has arguments`,
		Sv: `%s är ingen funktion och kan inte ta argument`},
	TmplUnexported: {En: `%s is an unexported field of struct type %s`,
		Sv: `fältet %s i typen %s kan inte användas i mallarna (det börjar med liten bokstav)`},
	TmplRangeTwo: {En: `can't use %s to iterate over more than one variable`,
		Sv: `range kan inte gå igenom %s med två variabler`},
	TmplLenType: {En: `len of type %s`,
		Sv: `len kan inte användas på ett värde av typen %s`},
	TmplLenNil: {En: `len of nil pointer`,
		Sv: `len kan inte användas på ett tomt värde (nil)`},
	TmplIndexType: {En: `can't index item of type %s`,
		Sv: `index kan inte användas på ett värde av typen %s`},
	TmplIndexNil: {En: `index of untyped nil`,
		Sv: `index kan inte användas på ett tomt värde (nil)`},
	TmplIndexNilPointer: {En: `index of nil pointer`,
		Sv: `index kan inte användas på ett tomt värde (nil)`},
	TmplIndexWith: {En: `cannot index slice/array with type %s`,
		Sv: `en lista indexeras med ett heltal, inte med ett värde av typen %s`},
	TmplIndexWithNil: {En: `cannot index slice/array with nil`,
		Sv: `en lista indexeras med ett heltal, inte med ett tomt värde (nil)`},
	TmplValueType: {En: `value has type %s; should be %s`,
		Sv: `värdet har typen %s men ska ha typen %s`},
	TmplValueNil: {En: `value is nil; should be of type %s`,
		Sv: `värdet är tomt (nil) men ska ha typen %s`},
	TmplPipeStage: {En: `non executable command in pipeline stage %s`,
		Sv: `steg %s i kedjan är ingen funktion – efter | ska det stå en funktion som tar emot värdet`},
	TmplNilCommand: {En: `nil is not a command`,
		Sv: `nil kan inte stå som ett eget uttryck`},
	TmplIllegalNumber: {En: `illegal number syntax: %s`,
		Sv: `%s är inget tal som går att läsa`},
	TmplCharConst: {En: `malformed character constant: %s`,
		Sv: `%s är inget enskilt tecken – skriv text inom citattecken ("…")`},
	TmplCallNonFunc: {En: `non-function %s of type %s`,
		Sv: `%s är ingen funktion utan ett värde av typen %s`},
	TmplRangeReentry: {En: `on range loop re-entry: %s`,
		Sv: `när {{range}} börjar om: %s`},
	TmplRangeBreak: {En: `at range loop break: %s`,
		Sv: `vid {{break}} i {{range}}: %s`},
	TmplRangeContinue: {En: `at range loop continue: %s`,
		Sv: `vid {{continue}} i {{range}}: %s`},
	TmplIfWith: {En: `if/with can't use %s`,
		Sv: `{{if}} och {{with}} kan inte avgöra om %s är tomt eller inte`},
	TmplRangeDeclare: {En: `range can only initialize variables`,
		Sv: `i {{range}} ska variablerna följas av :=, som i {{range $i, $v := …}}`},
	TmplRangeTwoFunc: {En: `can't use %s iterate over more than one variable`,
		Sv: `range kan inte gå igenom %s med två variabler`},
	TmplSlashAmbiguous: {En: `'/' could start a division or regexp: %s`,
		Sv: `det går inte att avgöra om '/' i skriptet är ett divisionstecken eller början på ett reguljärt uttryck: %s – skriv skriptet så att koden före / är densamma i alla grenar av {{if}} eller {{range}}`},
	TmplJSEscape: {En: `unfinished escape sequence in JS string: %s`,
		Sv: `en sträng i skriptet har ett \ som inte följs av något tecken före {{: %s – skriv tecknet efter \ eller ta bort \`},
	TmplJSCharset: {En: `unfinished JS regexp charset: %s`,
		Sv: `ett reguljärt uttryck i skriptet har en [ som inte stängs före {{: %s – stäng den med ]`},
	TmplCSSEscape: {En: `unfinished escape sequence in CSS string: %s`,
		Sv: `en sträng i stilmallen har ett \ som inte följs av något tecken före {{: %s – skriv tecknet efter \ eller ta bort \`},
	TmplOutputContext: {En: `cannot compute output context for template %s`,
		Sv: `det går inte att avgöra var i HTML-koden mallen %s slutar`},
}

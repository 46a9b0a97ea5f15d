# LOAD-01: YAML syntax errors, explained at the mistake, and the parser's limits.

yaml-here = here
yaml-this-line = this line
yaml-opened-here = opened here
yaml-invalid = invalid YAML: { $info }

# What a value is, in messages such as "`upper` must be a list, found text".
yaml-shape-list = a list
yaml-shape-mapping = a mapping
yaml-shape-null = nothing (null)
yaml-shape-boolean = a boolean
yaml-shape-number = a number
yaml-shape-text = text

# Limits.
yaml-too-many-values = the file holds more than { $max } YAML values
yaml-too-many-values-help = a plan file this large is not a plan; split it or remove it from the paths
yaml-too-deep = nesting deeper than { $max } levels
yaml-too-deep-help = plan files nest a few levels deep; this file cannot be a plan
yaml-unknown-anchor = alias to an unknown anchor
yaml-unknown-anchor-help = define the anchor before using it
yaml-alias-bomb = aliases expand to more than { $max } values
yaml-alias-bomb-help = this looks like an alias bomb; write the values out instead of nesting aliases

# Tabs.
yaml-tab-indentation = tab character used for indentation
yaml-tab-indentation-help = YAML forbids tabs for indentation; indent with spaces
yaml-tab = tab character where YAML expects a space
yaml-tab-help = replace the tab with a space
yaml-tab-label = this tab

# Quotes and brackets never closed.
yaml-unclosed = unclosed `{ $open }`
yaml-unclosed-quote-help = this quoted string is never closed: add the closing `{ $quote }`
yaml-unclosed-quote-line-help = this quoted string is not closed on its line: add the closing `{ $quote }` (a quoted value that goes on over several lines must indent them more than its key)
yaml-unclosed-list-help = this list is never closed: add the closing `]` after its last item
yaml-unclosed-mapping-help = this mapping is never closed: add the closing `{ "}" }` after its last entry

# Inside `[…]` and `{…}`.
yaml-expected-comma-in-list = expected `,` or `]`
yaml-expected-comma-in-list-help = separate the items of a `[…]` list with commas, and close it with `]`
yaml-expected-comma-in-mapping = expected `,` or `{ "}" }`
yaml-expected-comma-in-mapping-help = separate the entries of a `{ "{" }…{ "}" }` mapping with commas, close it with `{ "}" }`, and quote a value that holds `: `
yaml-colon-in-list = unexpected `:` in a `[…]` list
yaml-colon-in-list-help = a key and its `:` must be on the same line: quote an item that holds `: `
yaml-flow-indented-too-little = this line is indented too little
yaml-flow-indented-too-little-help = a `[…]` or `{ "{" }…{ "}" }` written over several lines must indent each line more than its key
yaml-bad-indentation = bad indentation
yaml-bad-indentation-help = indent this line like the lines it belongs with

# Colons.
yaml-colon-in-value = unexpected `:` in the value of `{ $key }`
yaml-colon-in-value-label = this colon
yaml-colon-in-value-help = a `: ` inside a value must be quoted: write `{ $fixed }`
yaml-colon-in-value-quote-help = a `: ` inside a value must be quoted: put the value of `{ $key }` in quotes
yaml-key-indented-too-far = key `{ $key }` is indented too far
yaml-key-indented-too-far-label = this key
yaml-key-indented-too-far-help = indent `{ $key }` like the keys above it: a line indented further than the line before continues that line's value, where a `:` cannot start a key
yaml-unexpected-colon = unexpected `:`
yaml-unexpected-colon-help = YAML read the text before this `:` as part of a value: check the indentation of this line and the line above, and quote values that hold `: `
yaml-missing-space = missing space after `:` in `{ $line }`
yaml-missing-space-fixed-help = write `{ $fixed }`: the `:` after a key must be followed by a space
yaml-missing-space-help = the `:` after a key must be followed by a space
yaml-expected-key-value = expected `key: value`, found `{ $line }`
yaml-expected-key-value-help = in a mapping each line is `key: value`: add the `:` after the key, or, if this line continues the value above, indent it further than its key

# Lines that belong nowhere.
yaml-item-among-keys = unexpected list item
yaml-item-among-keys-label = this item
yaml-item-among-keys-help = a `- ` item cannot stand among the keys of a mapping: indent it like the other items of its list, under the key that holds the list
yaml-bad-indentation-of = bad indentation of `{ $key }`
yaml-bad-indentation-of-help = indent this line like the keys of the mapping it belongs to: in the column of a key above it
yaml-text-after-value = unexpected text after the value
yaml-text-after-value-help = a quoted or bracketed value ends at its closing quote or bracket: move this text inside it, or start the next key on a line of its own
yaml-expected-item = expected a `- ` list item
yaml-expected-item-label = not a list item
yaml-expected-item-help = the lines above at this indentation are list items, so this one must start with `- ` too; to add a key, give the list a key of its own
yaml-item-on-key-line = list item on the same line as its key
yaml-item-on-key-line-label = this `-`
yaml-item-on-key-line-help = start the list on the next line, one `- ` item per line indented under its key, or write it in brackets: `[a, b]`

# Anchors and aliases.
yaml-unknown-alias = unknown alias `*{ $name }`
yaml-unknown-alias-label = no anchor of this name above
yaml-unknown-alias-help = `*` starts an alias to a value marked `&{ $name }` earlier in the file; if this is text, put the value in quotes
yaml-nameless-alias = `*` without an alias name
yaml-nameless-alias-help = in YAML `*` starts an alias; if this is text, put the value in quotes
yaml-nameless-anchor = `&` without an anchor name
yaml-nameless-anchor-help = in YAML `&` starts an anchor; if this is text, put the value in quotes

# Quoted values.
yaml-bad-escape = invalid escape `{ $escape }` in a double-quoted value
yaml-bad-escape-label = this escape
yaml-bad-escape-help = in double quotes a backslash starts an escape such as `\n`: write a backslash as `\\`, or put the value in single quotes
yaml-after-quote = text after the closing quote
yaml-after-quote-label = after the quote
yaml-after-single-quote-help = a single-quoted value ends at the next `'`: write a `'` inside it as `''`, or put the whole value in double quotes
yaml-after-double-quote-help = a quoted value ends at its closing quote: put all of the value inside the quotes, writing a `"` inside double quotes as `\"`

# Characters with a meaning of their own.
yaml-unmatched = unmatched `{ $close }`
yaml-unmatched-label = nothing to close
yaml-unmatched-help = remove it, or add the `{ $open }` it closes; a value that starts with `{ $close }` must be quoted
yaml-bad-value-start = expected a value, found `{ $char }`
yaml-bad-value-start-help = a value cannot start with `{ $char }`: put the value in quotes
yaml-expected-value = expected a value
yaml-expected-value-help = write the value, or remove the line
yaml-after-block-indicator = unexpected text after `{ $indicator }`
yaml-after-block-indicator-help = `|` and `>` start a block of text on the lines below, and only a comment may follow them on their line: put a value that starts with `|` or `>` in quotes
yaml-reserved = `{ $char }` cannot start a plain value
yaml-reserved-label = reserved character
yaml-reserved-help = YAML reserves `@`, `` ` `` and `%` at the start of an unquoted value: put the value in quotes

# Documents.
yaml-after-document-end = text after the document end marker `...`
yaml-after-document-end-help = `...` ends the YAML document: remove it, or put this text on a line of its own
yaml-expected-document-start = expected `---` to start the document
yaml-expected-document-start-help = a line that starts with `%` is a YAML directive and must be followed by a `---` line; if it is text, quote it
yaml-directive-inside = a `%` directive inside the document
yaml-directive-inside-help = a line that starts with `%` is a YAML directive: if it is text, indent it under its key and quote it
yaml-byte-order-mark = byte order mark inside the document
yaml-byte-order-mark-label = invisible U+FEFF here
yaml-byte-order-mark-help = remove the invisible byte order mark (U+FEFF): it may only start the file

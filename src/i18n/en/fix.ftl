# Fixes: `alinea check --fix`, `--diff`, and the language server's code actions.
fix-rename = Rename `{ $code }` to `{ $fixed }`, with every reference and waiver that names it
fix-priorities = Renumber the { $count } priorities 1 to { $count }, keeping their order
fix-reference = Write `{ $code }` as the existing code `{ $fixed }`
fix-remove-waiver = Remove the unused waiver of { $rule }
fix-doc-action-code = unsafe: renames the action `AEI.nn.mm` after its objective's `nn`, with every reference and waiver that names it
fix-doc-canonical-code = safe: writes the code in capitals without blanks, with every reference and waiver that names it
fix-doc-priorities = safe: renumbers the priorities 1..n keeping their order; unsafe when a priority is absent (added last) or repeated (the tie is broken in document order)
fix-doc-reference = safe: writes the code as the one existing code it differs from only in case or blanks
fix-doc-unused-waiver = safe: removes the waiver (and its list's key, when it was the only one)
fix-fixed = Fixed { $fixed ->
        [one] 1 finding
       *[other] { $fixed } findings
    } ({ $remaining } remaining).
fix-would-fix = Would fix { $fixed ->
        [one] 1 finding
       *[other] { $fixed } findings
    }; nothing was written.
fix-nothing = No finding has a fix to apply.
fix-unsafe-available = { $count ->
        [one] 1 more finding has
       *[other] { $count } more findings have
    } an unsafe fix, applied with `--unsafe-fixes`.
fix-unsafe-alone = `--unsafe-fixes` applies with `--fix` or `--diff`
fix-changed-on-disk = { $file } changed on disk while it was being fixed; it was not written
fix-add-waiver = Add a waiver of { $rule } for this finding, until { $until }
fix-waiver-reason = TODO: why this finding is accepted
fix-refused = The fixes of one pass would have left { $file } unreadable as YAML: that pass was not applied (this is a bug of alinea; please report it with the file)

# The command line: usage errors and the lines commands print.

cli-rules-listed = { $rules ->
        [one] 1 rule
       *[other] { $rules } rules
    } ({ $builtin } built-in checks)
cli-rules-checked = { $rules ->
        [one] 1 rule parses and type-checks
       *[other] { $rules } rules parse and type-check
    }
cli-rule-problems = { $count ->
        [one] 1 problem
       *[other] { $count } problems
    } in rule files; no plan was checked

# `--help`: what each command, option and argument is for. `help-<command>` describes a
# command, `help-<command>-<option>` one of its options, `help-arg-<option>` an option that
# means the same in every command.

help-alinea = Checks that Peru's public plans are aligned (SINAPLAN / CEPLAN)
help-help = Print this message or the help of the given subcommand(s)
help-check = Lint the plan files under the paths and print the findings
help-browse = Browse the findings, traces, coverage and profiles in the terminal
help-explain = Print a rule's documentation, severity, pillar, source and text
help-baseline = Write the current findings as a baseline file
help-graph = Export the resolved trace graph (dot, mermaid or json), broken links and gaps marked
help-lsp = Serve the Language Server Protocol on standard input and output, for editors
help-rules = List, check and test rules
help-rules-help = Print this message or the help of the given subcommand(s)
help-rules-list = Every loaded rule: id, slug, severity, pillar, title
help-rules-check = Parse and type-check rule files only (with the default pack, unless left out)
help-rules-test = Run rule fixture cases (`# expect: ID` comments); default: the default pack's cases

help-arg-help = Print help
help-arg-version = Print version
help-arg-lang = The language of every text a person reads: es or en (default: `lang:` in alinea.yaml, else `ALINEA_LANG`, else the locale, else en)
help-arg-paths = Files and folders to check
help-arg-rules = Extra rule files or folders (repeatable; added to the default pack)
help-arg-no-default-rules = Leave the default pack out
help-arg-config = The configuration file (default: the nearest `alinea.yaml` above the paths, else above this folder)
help-arg-as-of = The date waivers expire against (YYYY-MM-DD; default: today)
help-arg-select = Only report these rules: ids, slugs or families such as `IND`, comma-separated (`--select IND,ART-01`); repeatable
help-arg-ignore = Do not report these rules: ids, slugs or families, comma-separated; repeatable
help-arg-fail-on = The lowest severity that makes the run fail, exit 1 (default: the configuration's, else error)
help-arg-format = Output format
help-arg-color = When to use colours (`NO_COLOR` is honoured with `auto`)

help-check-output = Write the report to this file instead of standard output
help-check-baseline = Do not report the findings of this baseline file; list those that are fixed (default: the configuration's `baseline`)
help-check-statistics = Print a count per rule instead of the findings (human format only)
help-check-jobs = Parse files with this many threads (default: one per core)
help-check-quiet = Print the findings without the summary
help-check-verbose = Also list the YAML files skipped because they are not plans
help-check-timings = Print how long each stage took, on standard error (the rules are compiled while the files are found: those two stages overlap)
help-check-file-order = List findings in pure file order (by default errors of the LOAD and REF families, the causes, come first)
help-check-fix = Fix what is mechanical (safe fixes) in the plan files, then report what is left
help-check-unsafe-fixes = With `--fix` or `--diff`, apply the unsafe fixes too (they rename codes or decide an order)
help-check-diff = Show the fixes as a unified diff, without writing any file
help-browse-baseline = Do not show the findings of this baseline file (default: the configuration's `baseline`)
help-explain-rule = A rule id or slug (`ART-01`, `objective-not-articulated`)
help-baseline-output = Where to write the baseline (default: the configuration's `baseline`, else `alinea-baseline.json`)
help-graph-output = Write the graph to this file instead of standard output
help-rules-check-files = Rule files or folders (default: only the default pack)
help-rules-test-dirs = Folders of cases (default: the cases compiled into alinea)
help-help-command = The command (and subcommand) to describe

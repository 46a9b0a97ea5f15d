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
cli-as-of = `--as-of { $text }` is not a date written YYYY-MM-DD
cli-browse-terminal = `alinea browse` needs a terminal; to print the findings, run `alinea check`
cli-cannot-write = cannot write `{ $file }`: { $reason }
cli-cannot-write-report = cannot write the report: { $reason }
cli-baseline-written = wrote { $count ->
        [one] 1 finding
       *[other] { $count } findings
    } to { $file }
cli-baseline-left-out = left out { $count ->
        [one] 1 LOAD finding
       *[other] { $count } LOAD findings
    }: a file that cannot be read is never accepted; fix it
cli-statistics-machine = `--statistics` prints a table for people; it cannot be combined with `--format { $format }`
cli-statistics-machine-help = the counts are in the summary of every machine format; drop `--statistics`
cli-threads = cannot start { $jobs } threads: { $reason }
cli-config-invalid = the configuration `{ $file }` is not valid; nothing was checked
cli-missing-path = path `{ $path }` does not exist
cli-no-plan = no plan file under `{ $path }`
cli-no-plan-help = a plan file is a YAML file whose top level has a `plan:` header with `id` and `kind`
cli-no-plan-excluded = the configuration `{ $config }` excludes files under `{ $path }`
help-template = {"{"}about-with-newline{"}"}
    {"{"}usage-heading{"}"} {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-commands = Commands
help-options = Options
help-arguments = Arguments
cli-no-command = there is no command `{ $name }`; `alinea help` lists them

# The stages `--timings` reports, by id.
timing-compile-rules = compile rules
timing-discover = discover
timing-load = read, parse and decode
timing-resolve = resolve references
timing-evaluate = evaluate rules
timing-report = report

# Command lines that do not parse (clap's findings, with its context).
clap-error = error:
clap-unknown-argument = unexpected argument `{ $arg }`
clap-unknown-subcommand = unrecognized command `{ $name }`
clap-invalid-value = invalid value `{ $value }` for `{ $arg }`
clap-invalid-value-because = invalid value `{ $value }` for `{ $arg }`: { $reason }
clap-value-required = `{ $arg }` needs a value
clap-missing-required = required arguments were not given: `{ $args }`
clap-missing-subcommand = a command is required
clap-conflict = `{ $arg }` cannot be used with `{ $other }`
clap-number-of-values = wrong number of values for `{ $arg }`
clap-no-equals = `{ $arg }` takes its value after `=`
clap-other = the command line cannot be read ({ $kind })
clap-valid-values = possible values: `{ $values }`
clap-tip-argument = tip: a similar argument exists: `{ $name }`
clap-tip-value = tip: did you mean `{ $name }`?
clap-tip-subcommand = tip: a similar command exists: `{ $name }`
clap-usage = Usage:
clap-more-info = For more information, try `--help`.

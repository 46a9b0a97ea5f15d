# The run's policy: rule names in --select, --ignore and alinea.yaml, the baseline file.

policy-origin-select-flag = `--select`
policy-origin-ignore-flag = `--ignore`
policy-origin-select-config = `select` in `{ $config }`
policy-origin-ignore-config = `ignore` in `{ $config }`
policy-origin-severity-config = `severity` in `{ $config }`
policy-unknown-rule = { $origin } names `{ $name }`, which is no rule
policy-unknown-rule-help = name a rule by its id (`ART-01`), its slug (`objective-not-articulated`) or its family (`ART`); `alinea rules list` lists them
policy-load-ignored = { $origin } names `{ $name }`: LOAD findings cannot be ignored
policy-load-severity = { $origin } names `{ $name }`: LOAD findings cannot be given another severity
policy-load-help = a file that cannot be read, parsed or decoded is a plan nobody checked; fix the file, or leave it out with `exclude` in alinea.yaml
policy-baseline-configured = `{ $config }` names this baseline; create it with `alinea baseline`

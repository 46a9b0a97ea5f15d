# The report's own words: severities, pillars, the summary, statistics and the profile.

severity-error = error
severity-warning = warning
severity-info = info

pillar-legitimacy = legitimacy
pillar-capacity = capacity
pillar-value = value

summary-checked = checked { $files ->
        [one] 1 file
       *[other] { $files } files
    } and { $plans ->
        [one] 1 plan
       *[other] { $plans } plans
    }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] 1 info
       *[other] { $infos } infos
    }
summary-suppressed = { $count ->
        [one] 1 finding
       *[other] { $count } findings
    } suppressed by waivers or the baseline
summary-not-transcribed = { $count ->
        [one] 1 finding is
       *[other] { $count } findings are
    } about data not transcribed from the sources (unknown: neither failing nor waived)
summary-fixed = { $count ->
        [one] 1 finding
       *[other] { $count } findings
    } fixed since the baseline (remove them from the baseline file):
summary-profile = public value profile (elements without findings, per pillar):
summary-skipped = skipped (not a plan): { $file }

statistics-total = { $findings ->
        [one] 1 finding
       *[other] { $findings } findings
    } in { $rules ->
        [one] 1 rule
       *[other] { $rules } rules
    }

# The label before a finding's help in the human report.
report-help = help

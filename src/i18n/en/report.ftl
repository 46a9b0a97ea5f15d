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
summary-profile = public value profile (weighted share of the checks that pass, per pillar):
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

# Under a finding whose file changed on disk after the check: its lines are shown blank.
report-changed-on-disk = note: { $file } changed after it was checked; its lines are not shown

# The public value profile (v2): checks per pillar, their answers and the money figure.
profile-no-score = n/a
profile-check = { $id ->
        [approved] approved
        [ceplan_report] CEPLAN's informe técnico
        [published] published
        [participatory] participatory
        [horizon] horizon
        [upper_in_force] upper plans in force
        [articulated] articulated
        [reaches_national] reaches national policy
        [owned] owned
        [funded] funded
        [ruta_estrategica] ruta estratégica
        [operations_linked] operations linked
        [within_budget] within budget
        [investments_measured] investments measured
        [measurable] measurable
        [baselines] baselines
        [targets] targets
       *[documented] documented
    }
profile-status = { $status ->
        [pass] passes
        [fail] fails
        [waived] waived
        [unknown] unknown
       *[na] n/a
    }
profile-status-list = { $status ->
        [fail] failing
        [waived] waived
       *[unknown] unknown (not transcribed)
    }: { $checks }
profile-reason = { $reason ->
        [draft] a draft: not approved yet
        [kind] does not apply to this kind of plan
        [national] a national plan: no upper plan
        [no-poi] no POI lists this PEI
        [no-ceiling] no budget ceiling
        [nothing-to-count] nothing to count
       *[not-transcribed] about data not transcribed
    }
profile-money = money
profile-money-line = { $chain } of { $total } ({ $share } %) reach national policy through a complete chain
profile-millions = S/ { $amount } M

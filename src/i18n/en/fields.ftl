# What each field of the rule language is, for the field reference of docs/rule-language.md
# (`field-<object>-<field>`). A field whose meaning is its name has no entry.

field-plan-title = as written in the header
field-plan-rank = pedn 7; pgg and pn 6; pesem 5; pdrc 4; a province's pdlc 3; a district's pdlc 2; pei 1; poi 0
field-plan-years = every year of the period, in order
field-plan-upper = the `upper` entries that resolve
field-plan-upper-links = every `upper` entry, as written, resolved or not
field-plan-lower = the plans that list this one in `upper`
field-plan-indicators = every indicator of its objectives and actions
field-plan-activities = a POI's
field-plan-investments = a POI's
field-plan-budget-ceiling = a POI's
field-plan-file = the plan's file, as shown in findings
field-element-siblings = the plan's objectives (for an objective), or its objective's actions (for an action); itself included
field-element-traces-to = the `traces_to` entries that resolve
field-element-links = every `traces_to` entry, as written, resolved or not
field-element-traced-by = the elements that trace to it
field-element-actions = an objective's actions (empty for an action)
field-element-objective = an action's objective (absent for an objective)
field-element-activities = the POI activities whose `action` is this element
field-element-investments = the POI investments whose `action` is this element
field-link-ref = the reference as written
field-link-why = the causal explanation
field-link-from = the element that wrote it
field-link-target = what it names; absent when it does not resolve
field-link-plan = the plan it is written in
field-upper-link-ref = as written
field-upper-link-from = the plan that wrote it
field-upper-link-target = the plan it names (absent when unresolved)
field-action-link-ref = as written
field-action-link-target = the action it names (absent when unresolved)
field-indicator-owner = the objective or action that holds it
field-activity-action = the AEI it implements (absent when unresolved or not written)
field-activity-action-link = the `action` entry as written
field-investment-action = the AEI it implements (absent when unresolved or not written)

# The key table of docs/plan-format.md (`docs::key_reference`): each key of the plan format,
# its Spanish names, and where it is written.
keys-table-head = | Spanish | key | written in |
keys-in-plan-file = the top of the file
keys-in-header = the header
keys-in-entity = the entity
keys-in-period = the period
keys-in-approval = the approval
keys-in-participation = participation records
keys-in-objective = objectives
keys-in-action = actions
keys-in-link = `traces_to` entries
keys-in-indicator = indicators
keys-in-baseline = baselines
keys-in-activity = activities
keys-in-investment = investments
keys-in-gap = gaps
keys-in-waiver = waivers
keys-in-config-waiver = waivers in alinea.yaml
field-plan-ceplan-report = CEPLAN's informe técnico, which precedes approval (not the entity's own `technical_report`)
field-plan-guide = the CEPLAN guide whose annexes the plan follows: `2017` or `2024` (absent: 2024)
field-indicator-ficha = the ficha técnica, where it is transcribed too
field-ficha-baseline = the baseline the ficha gives
field-ficha-targets = the targets the ficha gives

# The checks table of docs/profile.md (`docs::profile_reference`).
profile-ref-head = | pillar | check | weight | counts | applies to | rules |
profile-ref-every-plan = every plan
profile-ref-when = { $when ->
        [approved] once approved
        [not-national] not national plans
        [with-poi] when some POI lists it
       *[with-ceiling] with a `budget_ceiling`
    }
profile-ref-counts = { $over ->
        [plan] the plan: pass or fail
        [objectives] share of its objectives
        [elements] share of its objectives and actions
        [actions] share of its actions
        [indicators] share of its indicators
        [operations] share of its activities and investments
       *[investments] share of its investments
    }

# The limits table of the README (generated from the constants).
limits-table-head = | limit | value | what alinea reports past it |
limits-file-size = size of a plan file (a larger rule file or `alinea.yaml` is an error)
limits-file-size-unit = { $value } MiB
limits-yaml-nodes = YAML values in one file
limits-yaml-depth = nesting of YAML mappings and lists
limits-yaml-aliases = values made by expanding aliases, in one file
limits-unknown-keys = unknown keys listed one by one, per mapping (the rest are counted in one finding)
limits-expr-depth = nesting of a rule expression (brackets, `not` and `-`, chains of operators and of field accesses)
limits-def-expansion = `def` calls expanded in one rule
limits-rule-error = rule error

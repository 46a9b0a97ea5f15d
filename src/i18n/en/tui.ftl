# The browser (alinea browse): tabs, panes, the status line, prompts, popups, the help.
# The keys are the same in every language; only what they do is translated.

## Tabs and the header

tui-view-findings = Findings
tui-view-trace = Trace
tui-view-coverage = Coverage
tui-view-profile = Profile
tui-header-findings = { $count } findings:
tui-header-errors = { $count } error
tui-header-warnings = { $count } warning
tui-header-infos = { $count } info
tui-too-small = terminal too small

## The status line

tui-hint = ? help  q quit
# The hint when the status line is narrow.
tui-hint-short = ? help
tui-prompt-filter = filter:
tui-shown-of-total = { $shown } of { $total } findings
# The count when the status line is narrow.
tui-shown-of-total-short = { $shown }/{ $total }
tui-matches = { $count } matches
tui-chip-filter = filter: { $filter }
tui-chip-severity = severity ≥ { $severity }
tui-chip-search = search: { $search } ({ $count } matches)
# $group is file, rule, severity, pillar or none.
tui-chip-group = group: { $group }
tui-group-pending = group by: f file · r rule · s severity · p pillar · n none
tui-relinting = re-linting…
tui-relinted = re-linted: { $errors } errors, { $warnings } warnings, { $infos } infos
tui-relint-failed = re-lint failed: { $error }
tui-editor-failed = editor: { $error }
tui-editor-unclosed-quote = unclosed quote in editor setting `{ $setting }`
tui-editor-cannot-start = cannot start `{ $program }`: { $error }
tui-rule-problems = { $count ->
        [0] problems in rule files
       *[other] { $count } problem(s) in rule files, the first: { $first }
    }
tui-copied = copied { $location }
tui-unknown-rule = no documentation for `{ $rule }`
tui-nothing-to-trace = { $rule }: this finding is about no element; showing its plan
tui-cell-empty = no objective of `{ $plan }` traces to { $code }

## The filter's mistakes

tui-filter-needs-field = `%` needs a field: rule, severity, sev, plan, pillar, file, element
tui-filter-unknown-field = unknown field `%{ $name }`; fields: rule, severity, sev, plan, pillar, file, element
tui-filter-needs-value = `%{ $field }` needs a value
tui-filter-compare = only %sev compares with < and >, not `%{ $field }`
tui-filter-not-severity = `{ $value }` is not a severity (error, warning, info)
tui-filter-not-pillar = `{ $value }` is not a pillar (legitimacy, capacity, value)
tui-filter-unclosed-quote = a quote is not closed

## The Findings view

tui-findings-title = findings ({ $shown } of { $total }){ $position ->
        [0] {""}
       *[other] {" "}· { $position }/{ $shown }
    }
tui-detail = detail
tui-no-findings = no findings
tui-no-match = no finding matches the filter (esc clears it)
tui-nothing-selected = select a finding to see it here
tui-no-pillar = no pillar
tui-group-findings = { $count } findings
tui-group-hint = enter or ← → fold and unfold the group
tui-detail-at = at
tui-detail-path = path
tui-detail-on = on
tui-detail-element-of = { $element } of { $plan }
tui-detail-indicator = indicator { $indicator }
tui-detail-related = related · o follows one (ctrl-o comes back)
tui-detail-help = help
tui-detail-keys = e edit · i explain · t trace · y copy location

## The Trace view

tui-trace = trace
tui-trace-title = trace of { $code } · { $plan }
tui-no-trace = select a finding about an objective, action, activity or investment, then press t or 2
tui-trace-upwards = ▲ upwards: what it serves
tui-trace-downwards = ▼ downwards: what implements it
tui-trace-seen = (shown above)
tui-trace-truncated = … (trace cut here: too deep or too wide)
tui-gap = gap: { $gap } ({ $rule })
tui-gap-broken = gap: broken reference `{ $reference }`
tui-tag-objective = obj
tui-tag-action = act
tui-tag-activity = aoi
tui-tag-investment = cui
tui-tag-plan = plan
tui-relation-parent = parent
tui-relation-action = action
tui-relation-traced-by = traced by
tui-relation-upper-plan = upper plan
tui-relation-lower-plan = lower plan

## The Coverage view

tui-concerted-plans = concerted plans
tui-matrix = coverage
tui-matrix-title = coverage of { $plan } · { $order } · column: { $column }
tui-sort-document = document order
tui-sort-least = least covered first
tui-matrix-objective = objective
tui-matrix-total = total
# The cell marks' legend, in the matrix's bottom border.
tui-legend-clean = no finding
tui-legend-worst = worst finding
tui-legend-none = none traced
tui-legend-gap = gap: not taken up
tui-no-concerted = no concerted plan (pdrc, pdlc) or traced upper plan was loaded
tui-cell-keys = (enter: trace, e: edit, esc)

## The Profile view

tui-profiles = public value profile
tui-profile-legend = weighted share of the checks that pass, per pillar
tui-pillar-checks = the triangle and the checks of each pillar
tui-no-plans = no plan was loaded

## The explain popup

tui-explain-title = rule { $rule } (esc closes)
# $status is stable, preview or deprecated.
tui-explain-about = severity { $severity } · pillar { $pillar } · { $status }
tui-explain-source = source { $source }
tui-explain-builtin = severity { $severity } · pillar { $pillar } · built-in check
tui-explain-no-pillar = none
tui-explain-rule-text = rule text ({ $file })

## The help popup: what each key does

tui-help-title = keys (type to filter)
tui-help-no-match = no key matches `{ $filter }`
# The filter's syntax, at the end of the help: each term, then what it does.
tui-syntax-title = filter syntax (f): every term must hold
tui-syntax-text = words
tui-syntax-text-help = free text: in the rule, message, plan, element, file or YAML path
tui-syntax-rule = %rule ART
tui-syntax-rule-help = rule id or slug starting with it; ART-01,REF for any of several
tui-syntax-severity = %sev>=warning
tui-syntax-severity-help = severity, compared with >= > <= < = (a bare value means =)
tui-syntax-plan = %plan pei-
tui-syntax-plan-help = plan id containing it
tui-syntax-pillar = %pillar value
tui-syntax-pillar-help = legitimacy, capacity or value
tui-syntax-file = %file moyobamba
tui-syntax-file-help = file path containing it
tui-syntax-element = %element OEI.03
tui-syntax-element-help = element code containing it
tui-syntax-negate = !
tui-syntax-negate-help = before a term negates it: !%rule ART-07
tui-syntax-quote = "two words"
tui-syntax-quote-help = a value with spaces
tui-syntax-short = %r %s %pl %pi
tui-syntax-short-help = fields shortened to any unambiguous start
tui-help-keys-note = the keys are the same in English and Spanish (--lang en|es)
tui-context-global = global
tui-context-findings = findings
tui-context-coverage = coverage
tui-key-down = move down
tui-key-up = move up
tui-key-page-down = page down
tui-key-page-up = page up
tui-key-top = go to the first row
tui-key-bottom = go to the last row
tui-key-next-finding = next finding, skipping group rows
tui-key-prev-finding = previous finding, skipping group rows
tui-key-follow-related = follow a related location to its finding (again after ctrl-o: the next one)
tui-key-jump-back = back to the finding a related location was followed from
tui-no-related = this finding has no related location
tui-no-finding-at = no finding at { $location }
tui-followed = related location { $which } of { $count } · ctrl-o comes back
tui-no-jump-back = no related location was followed
tui-key-right = unfold a group / enter (trace: follow the node; matrix: next column)
tui-key-left = fold a group or go to its row / back (trace: previous root; matrix: previous column)
tui-key-enter = toggle a group, focus the detail, follow a trace node, list a matrix cell
tui-key-next-pane = next pane
tui-key-prev-pane = previous pane
tui-key-view-findings = Findings view
tui-key-view-trace = Trace view of the selected finding's element
tui-key-view-coverage = Coverage matrix of a concerted plan
tui-key-view-profile = Profile view: public value pillars
tui-key-search = search (the list stays; matches are highlighted)
tui-key-search-next = next search match
tui-key-search-prev = previous search match
tui-key-filter = filter: text, %rule ART, %sev>=warning, %plan pei-…, %pillar value, %file, %element, ! negates
tui-key-cycle-severity = cycle the minimum severity (info, warning, error)
tui-key-group-prefix = group by: then f file, r rule, s severity, p pillar, n none
tui-key-sort-coverage = sort the matrix: document order / least covered first
tui-key-edit = open $VISUAL / $EDITOR at the line and column
tui-key-trace = show the selection's element in the Trace view
tui-key-explain = explain the rule
tui-key-copy = copy path:line:col
tui-key-reload = re-lint now (also automatic when a plan or rule file changes)
tui-key-help = this help; type to filter it
tui-key-escape = close popup, then clear search, then clear filter
tui-key-quit = quit
tui-key-group-file = group findings by plan file
tui-key-group-rule = group findings by rule
tui-key-group-severity = group findings by severity
tui-key-group-pillar = group findings by pillar
tui-key-group-none = do not group findings

# The keys of the search and filter prompts, in the help.
tui-context-prompt = prompt
tui-prompt-key-enter = keep what is typed
tui-prompt-key-esc = give back the previous value
tui-prompt-key-clear = clear the line
tui-prompt-key-word = delete the word before the cursor
tui-prompt-key-move = move the cursor
tui-prompt-key-ends = to the start or the end of the line (also ctrl-a, ctrl-e)

## While the plans are linted (the loading screen and the status line)

tui-loading-title = alinea: linting the plans
tui-loading-hint = q quit
tui-stage-rules = compiling the rules
tui-stage-discover = finding the plan files
tui-stage-read = reading the plans: { $read } of { $files } files
tui-stage-resolve = resolving references
tui-stage-evaluate = evaluating the rules
tui-stage-report = building the report
tui-relinting-stage = re-linting… { $stage }
tui-watch-failed = files are not watched ({ $error }); press r to re-lint
tui-worker-stopped = the linter stopped

# The focused view's own keys, at the right of the status line when there is room.
tui-hint-view = { $place ->
        [findings] ↵ fold  / search  f filter  e edit  t trace
        [detail] j k scroll  o related  ← back  e edit
        [trace] l follow  h back  e edit
        [coverage-plans] ↵ matrix  j k plan
        [coverage] ↵ cell  o sort  h l column
        [profile-plans] ↵ checks  t trace
       *[profile] ↵ findings  j k check
    }

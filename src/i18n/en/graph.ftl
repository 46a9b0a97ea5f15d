# REF findings: references between plans.

ref-unreadable-plan = plan `{ $plan }` is in `{ $file }`, which could not be read: see { $rule } there
ref-unreadable-plan-label = this plan could not be read
ref-unreadable-plan-help = fix `{ $file }` first; this reference is checked again once it loads

ref-plan-id-twice = plan id `{ $plan }` is used by another plan
ref-plan-id-twice-label = second plan with this id
ref-plan-id-twice-first = the first plan with this id
ref-plan-id-twice-help = plan ids are unique in the repository; rename one of the two
ref-indicator-twice = indicator code `{ $code }` is used twice in this plan
ref-indicator-twice-label = second indicator with this code
ref-indicator-twice-first = the first indicator with this code
ref-indicator-twice-help = indicator codes are unique within a plan
ref-cui-twice = CUI `{ $cui }` is listed twice in this plan
ref-cui-twice-label = second investment with this CUI
ref-cui-twice-first = the first investment with this CUI
ref-cui-twice-help = list each investment once; merge the two entries
ref-code-twice = code `{ $code }` is used twice in `{ $plan }`
ref-code-twice-label = second element with this code
ref-code-twice-first = the first element with this code
ref-code-twice-help = objectives, actions and activities of a plan share one set of codes; renumber one of them

ref-no-upper-plan = upper plan `{ $plan }` does not exist
ref-no-plan-label = no plan has this id
ref-declared-here = `{ $name }` is declared here
ref-plan-ids-help = plan ids are declared as `plan.id` in each plan file
ref-names-unknown-plan = `{ $reference }` names plan `{ $plan }`, which does not exist
ref-unknown-plan-label = unknown plan
ref-bare-code = this plan has no element `{ $code }`
ref-bare-code-label = a bare code names an element of the same plan
ref-code-of = `{ $code }` of `{ $plan }`
ref-look-up-code = look up the code in `{ $plan }`
ref-no-element = `{ $plan }` has no element `{ $code }`
ref-no-element-label = no element has this code

ref-own-plan = `{ $element }` traces to `{ $reference }` of its own plan
ref-not-above = { $who } { $kind ->
        [upper] lists as upper plan
       *[trace] traces to
    } `{ $reference }` ({ $target }), which does not rank above this plan ({ $source })
ref-not-above-label = points sideways or down the hierarchy
ref-not-above-help = articulation goes upwards: pedn > pgg, pn > pesem > pdrc > a province's pdlc > a district's pdlc > pei > poi
ref-plan-is = `{ $plan }` is { $description }
ref-undeclared = `{ $element }` traces to `{ $plan }`, which this plan does not declare in `upper`
ref-undeclared-label = undeclared upper plan
ref-undeclared-help = add `{ $plan }` to `upper` in the plan header, or trace to a plan that is declared
ref-undeclared-related = the plans declared as upper
ref-cycle = trace cycle: { $cycle }
ref-cycle-label = this trace closes the cycle
ref-cycle-help = traces go from a lower plan to a higher one; remove the trace that points back down
ref-in-cycle = `{ $element }` is in the cycle

plan-description = { $kind ->
        [district-pdlc] a district's pdlc
        [province-pdlc] a province's pdlc
       *[other] a { $kind }
    }

# REF findings: references between plans.

ref-unreadable-plan = plan `{ $plan }` is in `{ $file }`, which could not be read: see { $rule } there
ref-unreadable-plan-label = this plan could not be read
ref-unreadable-plan-help = fix `{ $file }` first; this reference is checked again once it loads

# WAI findings: waivers (accepted findings, with a reason and an expiry).

waiver-expired = the waiver of `{ $rule }` expired on { $until }
waiver-expired-label = expired waiver
waiver-expired-help = fix the findings it covered (they are reported again), or renew the waiver with a new `until` and reason
waiver-unused = the waiver of `{ $rule }` matches no finding on { $scope }
waiver-unused-plan = this plan
waiver-unused-label = unused waiver
waiver-unused-help = remove the waiver: what it accepted is fixed (or the rule or element is misspelt)
waiver-unknown-rule = the waiver names rule `{ $rule }`, which no loaded rule has as id or slug
waiver-unknown-rule-label = no such rule
waiver-unknown-rule-help = name the rule by its id (`ART-01`) or slug; `alinea rules list` lists them
waiver-load = `{ $rule }` cannot be waived
waiver-load-label = LOAD findings cannot be waived
waiver-load-help = a file that cannot be read is a plan nobody checked: fix the file
waiver-unknown-plan = the waiver names plan `{ $plan }`, which does not exist
waiver-unknown-plan-label = no plan has this id
waiver-unknown-plan-help = name the plan by its `plan.id`
waiver-unknown-code = `{ $code }` is no element of `{ $plan }`

# Entries of `not_transcribed`: findings about data the sources have and the transcription lacks.
not-transcribed-unused = the `not_transcribed` entry of `{ $rule }` matches no finding on { $scope }
not-transcribed-unused-help = remove the entry: the data is transcribed now (or the rule or element is misspelt)

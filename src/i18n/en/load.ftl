# LOAD findings: files that cannot be read, parsed or decoded into a plan.

load-duplicated-key = duplicated key `{ $key }`
load-duplicated-key-label = written a second time here
load-duplicated-key-first = first written here
load-duplicated-key-help = a key may appear once in a mapping; merge the two or rename one

load-near-plan = top-level key `{ $key }` is not `plan`: this file is not read as a plan
load-near-plan-label = did you mean `plan`?
load-near-plan-help = did you mean `plan`? A plan file starts with a `plan:` header (lowercase) holding `id` and `kind`
load-headless = this file has `{ $key }` but no `plan` header: it is not read as a plan
load-headless-label = plan content without a header
load-headless-help = did you mean `plan`? Add a `plan:` header with `id` and `kind` at the top of the file
load-not-a-plan = this file is not a plan: its top level has no `plan` header
load-not-a-plan-label = no `plan` header
load-not-a-plan-help = a plan file starts with a `plan:` header holding `id` and `kind`; name plan files or folders on the command line

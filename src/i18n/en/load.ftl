# LOAD findings: files that cannot be read, parsed or decoded into a plan.

load-duplicated-key = duplicated key `{ $key }`
load-duplicated-key-label = written a second time here
load-duplicated-key-first = first written here
load-duplicated-key-help = a key may appear once in a mapping; merge the two or rename one

load-near-plan = top-level key `{ $key }` is not `plan`: this file is not read as a plan
load-near-plan-label = did you mean `plan`?
load-near-plan-help = did you mean `plan`? A plan file starts with a `plan:` header (lowercase) holding `id` and `{ $kind }`
load-headless = this file has `{ $key }` but no `plan` header: it is not read as a plan
load-headless-label = plan content without a header
load-headless-help = did you mean `plan`? Add a `plan:` header with `id` and `{ $kind }` at the top of the file
load-not-a-plan = this file is not a plan: its top level has no `plan` header
load-not-a-plan-label = no `plan` header
load-not-a-plan-help = a plan file starts with a `plan:` header holding `id` and `{ $kind }`; name plan files or folders on the command line

# What a mapping is, in messages such as "unknown key `titel` in the plan header".
load-what-plan-file = a plan file
load-what-header = the plan header
load-what-entity = the entity
load-what-period = `{ $key }`
load-what-approval = the approval
load-what-participation = a participation record
load-what-objective = an objective
load-what-action = an action
load-what-link = a link
load-what-indicator = an indicator
load-what-baseline = the baseline
load-what-ficha = the ficha técnica
load-what-activity = an activity
load-what-investment = an investment
load-what-gap = a gap
load-what-waiver = a waiver
load-what-not-transcribed = an entry of `not_transcribed`
load-what-config = the configuration

# The shape of a file.
load-complex-key = a mapping key must be plain text
load-complex-key-label = this key is a list or a mapping
load-second-document = a plan file holds one YAML document
load-second-document-label = a second document starts here
load-second-document-help = move the second document to a file of its own

# Keys.
load-unknown-key = unknown key `{ $key }` in { $what }
load-unknown-key-label = unknown key
load-more-unknown-keys = { $count } more unknown keys in { $what }, not listed one by one
load-keys-are = the keys of { $what } are { $list }
load-key-twice = `{ $key }` gives `{ $first }` a second time in { $what }
load-key-twice-label = written twice (once in English, once in Spanish?)
load-key-twice-help = keep one of the two keys
load-missing-key = missing required key `{ $key }` in { $what }
load-missing-key-label = { $what } has no `{ $key }`
load-not-a-mapping = { $what } must be a mapping, found { $found }
load-not-a-mapping-label = expected `key: value` lines here
load-shape-help = write `{ $example }`

# Values.
load-not-text-scalar = `{ $key }` must be text, found { $found } `{ $value }`
load-not-text-scalar-label = this is read as a number, not as text
load-not-text-scalar-help = quote it: `{ $key }: "{ $value }"` (leading zeros of codes such as ubigeo and CUI would otherwise be lost)
load-not-text = `{ $key }` must be text, found { $found }
load-not-text-label = expected text
load-quoted-number = `{ $key }` must be a number, found the quoted text `{ $value }`
load-quoted-number-label = quoted, so read as text
load-quoted-number-help = remove the quotes
load-not-a-number = `{ $key }` must be a number, found { $found }
load-not-a-number-or-nd = `{ $key }` must be a number (or `null` / `ND` when unknown), found { $found }
load-not-a-number-label = expected a number
load-not-a-year = `{ $key }` must be a year such as 2024, found `{ $value }`
load-not-a-year-label = not a year
load-not-a-date = `{ $key }` must be a date written YYYY-MM-DD, found { $found }
load-not-a-date-label = not a valid date
load-not-a-date-help = write the date as year-month-day, e.g. `2023-12-22`
load-unknown-value = unknown { $key } `{ $value }`
load-unknown-value-label = { $n ->
    [one] not the allowed value
   *[other] not one of the { $n } allowed values
}
load-allowed-values = the allowed values are { $list }
load-allowed-values-near = { $near } the allowed values are { $list }
load-not-a-word = `{ $key }` must be one word, found { $found }
load-not-a-word-label = expected one of the allowed values
load-not-a-list = `{ $key }` must be a list, found { $found }
load-not-a-list-label = expected a list
load-not-a-list-help = write `{ $key }: [ … ]` or one `- ` line per item
load-not-a-year-map = `{ $key }` must map years to numbers, found { $found }
load-not-a-year-map-label = expected `{ "{" }2024: 40, 2025: 50{ "}" }`
load-year-map-key = `{ $key }` must map years to numbers, found the key `{ $found }`

# The plan header.
load-empty-header = the plan header is empty
load-empty-header-label = no `id`, `{ $kind }`, …
load-invalid-id = invalid plan id `{ $id }`
load-invalid-id-label = not a valid id
load-invalid-id-help = a plan id is lowercase letters, digits and hyphens, starting with a letter or digit
load-misplaced = a `{ $kind }` plan has no `{ $key }`
load-misplaced-poi-label = `{ $key }` belong in a `{ $poi }`
load-misplaced-elsewhere-label = `{ $key }` belong in a plan of any other kind
load-missing-territory-label = regional, provincial and district entities need a territory
load-missing-territory-help = give the INEI ubigeo as text: 2 digits for a region, 4 for a province, 6 for a district
load-invalid-ubigeo = invalid ubigeo `{ $value }`
load-invalid-ubigeo-label = not 2, 4 or 6 digits
load-invalid-ubigeo-help = an INEI ubigeo is 2 digits for a region, 4 for a province, 6 for a district
load-period-reversed = the period ends ({ $end }) before it starts ({ $start })
load-period-reversed-label = earlier than `{ $start }`

# The configuration (alinea.yaml), read like a plan file.
load-unknown-severity = unknown severity `{ $value }`
load-unknown-severity-label = not a severity
load-unknown-severity-help = the severities are { $list }
load-severity-not-a-map = `{ $key }` must map rule ids to severities, found { $found }
load-severity-not-a-map-label = expected `{ "{" }ART-04: info{ "}" }`
load-config-not-utf8 = the configuration `{ $path }` is not UTF-8
load-config-too-large = the configuration `{ $path }` is too large
load-config-unreadable = cannot read the configuration `{ $path }`: { $error }

# LOAD-03: files that cannot be read.
load-path-label = this path
load-path-help = remove the link or fix what it points to
load-not-utf8 = the file is not UTF-8 (byte 0x{ $byte })
load-not-utf8-label = not UTF-8
load-not-utf8-help = save the file as UTF-8; bytes like this one usually mean Latin-1 (ISO-8859-1) or Windows-1252
load-utf16 = the file is UTF-16; plan files are UTF-8
load-utf16-label = UTF-16
load-utf16-help = save the file as UTF-8 (in Notepad or Excel: "Save as", encoding UTF-8; Excel's "Unicode text" is UTF-16)
load-too-large = the file is too large ({ $size } MiB; the limit is { $limit } MiB)
load-too-large-help = a plan file is far smaller; split it or leave it out of the paths
load-unreadable = the file cannot be read: { $error }
load-this-file = this file

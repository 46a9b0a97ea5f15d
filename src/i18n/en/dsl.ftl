# The rule language: syntax and type errors in rule files, and the words of its types.

## Syntax errors.

dsl-too-deep = expression nested deeper than { $levels } levels
dsl-too-deep-label = too deep
dsl-syntax-expected = syntax error: expected { $expected }, found { $found }
dsl-syntax-expected-label = expected { $expected }
dsl-syntax-or = { $init } or { $last }
dsl-syntax-something-else = something else
dsl-syntax-other = syntax error: { $message }
dsl-here = here
dsl-expect-doc-line = a `///` documentation line
dsl-expect-rule-id = a rule id such as `ART-01`
dsl-expect-slug = a slug such as `objective-not-articulated`
dsl-expect-lang-tag = a language such as `.es`
dsl-expect-binding = a binding such as `o in objectives`
dsl-expect-collection = a collection such as `objectives`
dsl-expect-plan-kind = a plan kind
dsl-expect-expression = an expression
dsl-expect-comparison = a comparison such as `==` or `in`
dsl-expect-number = a number
dsl-expect-string = a string
dsl-expect-boolean = `true` or `false`
dsl-expect-name = a name
dsl-expect-quantifier = `some`, `every` or `no`
dsl-expect-list = a list
dsl-expect-call = a function call
dsl-expect-end = the end of the file
dsl-incomplete-binding = incomplete binding
dsl-empty-expression = empty expression
dsl-no-operand-not = `not` without an operand
dsl-no-operand-minus = `-` without an operand
dsl-incomplete-comparison = incomplete comparison
dsl-empty-call = empty call
dsl-incomplete-quantifier = incomplete quantifier
dsl-empty-count = empty `count`
dsl-incomplete-count = incomplete `count`
dsl-incomplete-comprehension = incomplete list comprehension
dsl-unexpected-text = unexpected text

## The texts of a rule in two languages.

dsl-unknown-language = `{ $keyword }.{ $code }` names a language alinea does not speak: `{ $code }`
dsl-unknown-language-label = not a language of alinea
dsl-unknown-language-help = write `{ $keyword }` for the English text and `{ $keyword }.es` for the Spanish one
dsl-translated-at = `at` goes with the English `message`: a finding points at the same place in every language
dsl-translated-at-label = `at` after `message.es`
dsl-translated-at-help = write `at` after the English `message` and leave it out of `message.es`
dsl-no-english-message = rule `{ $rule }` has no English `message`
dsl-no-english-message-label = the English message is required
dsl-no-english-message-help = write `message "…" at …` in English; `message.es "…"` is its Spanish translation
dsl-text-twice = `{ $keyword }` is written twice in this rule
dsl-text-twice-label = written again here
dsl-translation-alone = `{ $keyword }.es` translates `{ $keyword }`, which this rule does not have
dsl-translation-alone-label = write the English `{ $keyword }` too

## Type errors.

dsl-builtin-name = `{ $name }` is a built-in function
dsl-builtin-name-label = choose another name
dsl-no-title = rule `{ $rule }` has no `title`
dsl-no-title-label = add `title "…"` to the header
dsl-no-header = the rule has no `{ $what }`
dsl-no-header-label = add `{ $what }` to the header
dsl-values-are = the values are { $values }
dsl-unknown-header = unknown { $what } `{ $word }`
dsl-unknown-header-label = not a { $what }
dsl-needs-list = { $what } needs a list, found { $found }
dsl-not-a-list = not a list
dsl-at-unbound = `at` names `{ $name }`, which no `for` binds
dsl-at-unbound-label = not a `for` variable
dsl-at-not-a-place = `at` must name a place, such as `o.traces_to` or `i.targets[2025]`
dsl-at-not-a-place-label = not a path
dsl-interpolation-outside = `{"{"}…{"}"}` interpolates only in `message` and `help`
dsl-interpolation-outside-label = write `\{"{"}` for a brace
dsl-must-be = { $what } must be { $expected }, found { $found }
dsl-must-be-label = this is { $found }
dsl-unknown-name = unknown name `{ $name }`
dsl-unknown-name-label = not a variable, constant or value here
dsl-field-of-list-help = this is a list: use `some x in …: …`, `count(…)` or `[… for x in …]`
dsl-no-field = { $owner } has no field `{ $field }`
dsl-no-field-label = no such field
dsl-fields-are = the fields of { $owner } are { $fields }
dsl-unknown-field = unknown field `{ $field }` of { $owner }
dsl-what-year = a year
dsl-what-index = a list index
dsl-what-quantifier = a quantifier
dsl-what-condition = the condition after `:`
dsl-what-comprehension = a list comprehension
dsl-what-left = the left of `{ $op }`
dsl-what-right = the right of `{ $op }`
dsl-no-index = cannot look up `[…]` in { $found }
dsl-no-index-label = not a map or a list
dsl-list-mixes = a list mixes { $first } and { $second }
dsl-different-type = different type
dsl-unknown-word = unknown { $what } `{ $word }`
dsl-unknown-word-label = not { $a_what }
dsl-cannot-compare = cannot compare { $left } with { $right }
dsl-different-types = different types
dsl-cannot-order = cannot compare { $left } with { $right } using `{ $op }`
dsl-cannot-order-label = these do not compare
dsl-in-needs-list = `{ $op }` needs a list on its right, found { $found }
dsl-cannot-look-for = cannot look for { $item } in { $list }
dsl-cannot-add = cannot add { $left } and { $right }
dsl-cannot-add-label = these do not add up
dsl-coalesce-mixes = `??` joins { $left } and { $right }
dsl-unknown-function = unknown function `{ $name }`
dsl-unknown-function-label = no such function
dsl-arity = `{ $name }` takes { $arity } { $arity ->
        [one] argument
       *[other] arguments
    }, found { $found }
dsl-arity-label = wrong number of arguments
dsl-argument = `{ $name }` needs { $expected }, found { $found }
dsl-argument-label = expected { $expected }
dsl-expected-text-or-list = text or a list
dsl-expected-list = a list
dsl-literal-pattern = `matches` needs a literal pattern
dsl-literal-pattern-label = write the pattern as a string
dsl-invalid-pattern = invalid pattern: { $error }
dsl-invalid-pattern-label = not a valid regex
dsl-recursion = `{ $name }` calls itself ({ $chain } → { $name })
dsl-recursion-label = recursion is not allowed
dsl-recursion-help = rules must always terminate; write the helper without calling itself
dsl-inline-budget = expanding `{ $name }` goes past { $max } `def` calls in this rule
dsl-inline-budget-label = the expansion stops here
dsl-inline-budget-help = each call copies the `def`'s body: a chain of `def`s that each call the next more than once grows exponentially; have each `def` call the next once, or split the rule

## Rule files and packs.

dsl-no-doc-section = rule `{ $rule }` has no `/// { $section }:` documentation
dsl-no-doc-section-label = documentation incomplete
dsl-duplicate = rule { $what } `{ $key }` is already used
dsl-duplicate-of-pack = rule { $what } `{ $key }` is already used by the default pack
dsl-duplicate-label = duplicate { $what }
dsl-duplicate-pack-rule = the default pack's rule `{ $rule }` ({ $file })
dsl-duplicate-of-pack-help = give your rule another { $what }, or leave the default pack out with `--no-default-rules`
dsl-duplicate-first = the first rule with this { $what }, `{ $rule }` ({ $place })
dsl-duplicate-help = rule ids and slugs are unique across the loaded rule files: give one of the two rules another { $what }
dsl-rule-path-missing = rule path `{ $path }` does not exist
dsl-rule-path-unreadable = cannot read `{ $path }`: { $error }
dsl-rule-file-not-utf8 = rule file `{ $path }` is not UTF-8
dsl-rule-file-too-large = rule file `{ $path }` is too large
dsl-rule-file-unreadable = cannot read rule file `{ $path }`: { $error }

## The types of the rule language, in words.

dsl-type-bool = a boolean
dsl-type-bools = booleans
dsl-type-num = a number
dsl-type-nums = numbers
dsl-type-str = text
dsl-type-strs = texts
dsl-type-date = a date
dsl-type-dates = dates
dsl-type-list = a list of { $items }
dsl-type-lists = lists of { $items }
dsl-type-map = a map of numbers by year
dsl-type-maps = maps
dsl-type-any = anything
dsl-word-name = { $kind ->
        [plan-kind] plan kind
        [entity-type] entity type
        [level] level
        [version] version
        [status] status
        [unit] unit
        [direction] direction
        [investment-type] investment type
        [guide] CEPLAN guide
       *[gap-type] gap type
    }
dsl-a-word = { $kind ->
        [plan-kind] a plan kind
        [entity-type] an entity type
        [level] a level
        [version] a version
        [status] a status
        [unit] a unit
        [direction] a direction
        [investment-type] an investment type
        [guide] a CEPLAN guide
       *[gap-type] a gap type
    }
dsl-words = { $kind ->
        [plan-kind] plan kinds
        [entity-type] entity types
        [level] levels
        [version] versions
        [status] statuses
        [unit] units
        [direction] directions
        [investment-type] investment types
        [guide] CEPLAN guides
       *[gap-type] gap types
    }
dsl-an-object = { $object ->
        [plan] a plan
        [element] an element
        [link] a link
        [upper-link] an upper link
        [action-link] an action link
        [indicator] an indicator
        [baseline] a baseline
        [ficha] a ficha técnica
        [activity] an activity
        [investment] an investment
        [gap] a gap
        [entity] an entity
        [period] a period
        [approval] an approval
       *[participation] a participation record
    }
dsl-objects = { $object ->
        [plan] plans
        [element] elements
        [link] links
        [upper-link] upper links
        [action-link] action links
        [indicator] indicators
        [baseline] baselines
        [ficha] fichas técnicas
        [activity] activities
        [investment] investments
        [gap] gaps
        [entity] entities
        [period] periods
        [approval] approvals
       *[participation] participation records
    }
dsl-object-name = { $object ->
        [plan] plan
        [element] element (objective or action)
        [link] link (`traces_to` entry)
        [upper-link] upper link (`upper` entry)
        [action-link] action link (`action` entry)
        [indicator] indicator
        [baseline] baseline
        [ficha] ficha técnica (an indicator's `ficha`)
        [activity] activity
        [investment] investment
        [gap] gap
        [entity] entity
        [period] period
        [approval] approval
       *[participation] participation record
    }
dsl-field-table-head = | object | field | type | what it is |

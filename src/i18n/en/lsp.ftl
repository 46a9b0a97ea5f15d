# alinea lsp: the language server's texts (hovers, code actions, problems).

lsp-failed = the language server stopped: { $message }
lsp-no-options = the repository's configuration could not be read; fix alinea.yaml and save it
lsp-hover-kind = { $kind ->
        [action] action
       *[objective] objective
    }
lsp-hover-plan = Plan
lsp-hover-indicators = Indicators
lsp-hover-traced-by = { $count ->
        [one] Traced to by 1 element
       *[other] Traced to by { $count } elements
    }
lsp-hover-traced-by-none = Nothing traces to it.
lsp-hover-lower = { $count ->
        [one] 1 plan declares it in `upper`
       *[other] { $count } plans declare it in `upper`
    }
lsp-hover-lower-none = No plan declares it in `upper`.
lsp-hover-more = and { $count } more
lsp-hover-unresolved = `{ $reference }` names no plan or code of the repository.
lsp-rule-no-field = `{ $field }` is not a field of the rule language.
lsp-action-waiver = Add a waiver for this { $rule } finding
lsp-waiver-reason = TODO: why this finding is accepted

# alinea lsp: los textos del servidor de lenguaje (información al pasar el cursor, acciones, problemas).

lsp-failed = el servidor de lenguaje se detuvo: { $message }
lsp-no-options = no se pudo leer la configuración del repositorio; corrija alinea.yaml y guárdelo
lsp-hover-kind = { $kind ->
        [action] acción estratégica
       *[objective] objetivo estratégico
    }
lsp-hover-plan = Plan
lsp-hover-indicators = Indicadores
lsp-hover-traced-by = { $count ->
        [one] Se articula con él 1 elemento
       *[other] Se articulan con él { $count } elementos
    }
lsp-hover-traced-by-none = Ningún elemento se articula con él.
lsp-hover-lower = { $count ->
        [one] 1 plan lo declara como plan de nivel superior (`upper`)
       *[other] { $count } planes lo declaran como plan de nivel superior (`upper`)
    }
lsp-hover-lower-none = Ningún plan lo declara como plan de nivel superior (`upper`).
lsp-hover-more = y { $count } más
lsp-hover-unresolved = `{ $reference }` no nombra ningún plan ni código del repositorio.
lsp-rule-no-field = `{ $field }` no es un campo del lenguaje de reglas.
lsp-action-waiver = Agregar una excepción para este hallazgo de { $rule }
lsp-waiver-reason = PENDIENTE: por qué se acepta este hallazgo

# La línea de comandos: errores de uso y las líneas que imprimen los comandos.

cli-rules-listed = { $rules ->
        [one] 1 regla
       *[other] { $rules } reglas
    } ({ $builtin } verificaciones internas)
cli-rules-checked = { $rules ->
        [one] 1 regla se analiza y verifica sin errores
       *[other] { $rules } reglas se analizan y verifican sin errores
    }
cli-rule-problems = { $count ->
        [one] 1 problema
       *[other] { $count } problemas
    } en los archivos de reglas; no se revisó ningún plan

# Correcciones: `alinea check --fix`, `--diff` y las acciones de código del servidor de lenguaje.
fix-rename = Cambiar `{ $code }` por `{ $fixed }`, con cada referencia y excepción que lo nombra
fix-priorities = Renumerar las { $count } prioridades del 1 al { $count }, conservando su orden
fix-reference = Escribir `{ $code }` como el código existente `{ $fixed }`
fix-remove-waiver = Quitar la excepción sin uso de { $rule }
fix-doc-action-code = insegura: renumera la acción `AEI.nn.mm` según el `nn` de su objetivo, con cada referencia y excepción que la nombra
fix-doc-canonical-code = segura: escribe el código en mayúsculas y sin espacios, con cada referencia y excepción que lo nombra
fix-doc-priorities = segura: renumera las prioridades de 1 a n conservando su orden; insegura cuando falta una prioridad (se agrega al final) o se repite (el empate se resuelve según el orden del documento)
fix-doc-reference = segura: escribe el código como el único código existente del que solo difiere en mayúsculas o espacios
fix-doc-unused-waiver = segura: quita la excepción (y la clave de su lista, cuando era la única)
fix-fixed = { $fixed ->
        [one] Se corrigió 1 hallazgo
       *[other] Se corrigieron { $fixed } hallazgos
    } (quedan { $remaining }).
fix-would-fix = { $fixed ->
        [one] Se corregiría 1 hallazgo
       *[other] Se corregirían { $fixed } hallazgos
    }; no se escribió nada.
fix-nothing = Ningún hallazgo tiene una corrección que aplicar.
fix-unsafe-available = { $count ->
        [one] 1 hallazgo más tiene
       *[other] { $count } hallazgos más tienen
    } una corrección insegura, que se aplica con `--unsafe-fixes`.
fix-unsafe-alone = `--unsafe-fixes` se usa junto con `--fix` o `--diff`
fix-changed-on-disk = { $file } cambió en el disco mientras se corregía; no se escribió
fix-add-waiver = Agregar una excepción de { $rule } para este hallazgo, hasta el { $until }
fix-waiver-reason = PENDIENTE: por qué se acepta este hallazgo
fix-refused = Las correcciones de una pasada habrían dejado { $file } ilegible como YAML: esa pasada no se aplicó (es un error de alinea; repórtelo junto con el archivo)

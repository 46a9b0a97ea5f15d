# La política de la revisión: nombres de reglas en --select, --ignore y alinea.yaml, el archivo de hallazgos aceptados.

policy-origin-select-flag = `--select`
policy-origin-ignore-flag = `--ignore`
policy-origin-select-config = `select` en `{ $config }`
policy-origin-ignore-config = `ignore` en `{ $config }`
policy-origin-severity-config = `severity` en `{ $config }`
policy-unknown-rule = { $origin } nombra `{ $name }`, que no designa ninguna regla
policy-unknown-rule-help = indique la regla mediante su id (`ART-01`), su nombre (`objective-not-articulated`) o su familia (`ART`); `alinea rules list` muestra todas las reglas
policy-load-ignored = { $origin } nombra `{ $name }`: los hallazgos LOAD no se pueden ignorar
policy-load-severity = { $origin } nombra `{ $name }`: a los hallazgos LOAD no se les puede cambiar la severidad
policy-load-help = un archivo que no se puede leer, analizar o interpretar es un plan que nadie revisó; corrija el archivo o déjelo fuera con `exclude` en alinea.yaml
policy-baseline-configured = `{ $config }` nombra este archivo de hallazgos aceptados; créelo con `alinea baseline`

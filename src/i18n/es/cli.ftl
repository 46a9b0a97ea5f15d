# La línea de comandos: errores de uso y las líneas que imprimen los comandos.

cli-rules-listed = { $rules ->
        [one] 1 regla
       *[other] { $rules } reglas
    } ({ $builtin } verificaciones integradas)
cli-rules-checked = { $rules ->
        [one] 1 regla se analiza y verifica sin errores
       *[other] { $rules } reglas se analizan y verifican sin errores
    }
cli-rule-problems = { $count ->
        [one] 1 problema
       *[other] { $count } problemas
    } en los archivos de reglas; no se revisó ningún plan
cli-as-of = `--as-of { $text }` no es una fecha con el formato AAAA-MM-DD
cli-browse-terminal = `alinea browse` necesita una terminal; para imprimir los hallazgos, ejecute `alinea check`
cli-cannot-write = no se puede escribir `{ $file }`: { $reason }
cli-cannot-write-report = no se puede escribir el reporte: { $reason }
cli-baseline-written = se { $count ->
        [one] escribió 1 hallazgo
       *[other] escribieron { $count } hallazgos
    } en { $file }
cli-baseline-left-out = { $count ->
        [one] se dejó fuera 1 hallazgo LOAD
       *[other] se dejaron fuera { $count } hallazgos LOAD
    }: un archivo que no se puede leer nunca se acepta; corríjalo
cli-statistics-machine = `--statistics` imprime una tabla para personas; no se puede combinar con `--format { $format }`
cli-statistics-machine-help = los conteos están en el resumen de cada formato para máquinas; quite `--statistics`
cli-threads = no se pueden iniciar { $jobs } hilos: { $reason }
cli-config-invalid = la configuración `{ $file }` no es válida; no se revisó nada
cli-missing-path = la ruta `{ $path }` no existe
cli-no-plan = no hay ningún archivo de plan en `{ $path }`
cli-no-plan-help = un archivo de plan es un archivo YAML cuyo primer nivel tiene un encabezado `plan:` con `id` y `kind`
cli-no-plan-excluded = la configuración `{ $config }` excluye los archivos de `{ $path }`
help-template = {"{"}about-with-newline{"}"}
    Uso: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-commands = Comandos
help-options = Opciones
help-arguments = Argumentos
cli-no-command = no existe el comando `{ $name }`; `alinea help` los lista

# Las etapas que informa `--timings`, por id.
timing-compile-rules = compilar las reglas
timing-discover = buscar los archivos
timing-load = leer, analizar y decodificar
timing-resolve = resolver las referencias
timing-evaluate = evaluar las reglas
timing-report = armar el reporte

# Líneas de comando que no se pueden leer (lo que encuentra clap, con su contexto).
clap-error = error:
clap-unknown-argument = argumento inesperado `{ $arg }`
clap-unknown-subcommand = comando desconocido `{ $name }`
clap-invalid-value = valor no válido `{ $value }` para `{ $arg }`
clap-invalid-value-because = valor no válido `{ $value }` para `{ $arg }`: { $reason }
clap-value-required = `{ $arg }` necesita un valor
clap-missing-required = faltan argumentos obligatorios: `{ $args }`
clap-missing-subcommand = falta el comando
clap-conflict = `{ $arg }` no se puede usar junto con `{ $other }`
clap-number-of-values = cantidad de valores incorrecta para `{ $arg }`
clap-no-equals = `{ $arg }` lleva su valor después de `=`
clap-other = no se puede leer la línea de comando ({ $kind })
clap-valid-values = valores posibles: `{ $values }`
clap-tip-argument = sugerencia: existe un argumento parecido: `{ $name }`
clap-tip-value = sugerencia: ¿quiso decir `{ $name }`?
clap-tip-subcommand = sugerencia: existe un comando parecido: `{ $name }`
clap-usage = Uso:
clap-more-info = Para más información, use `--help`.

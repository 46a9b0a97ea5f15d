# Las reglas y verificaciones tal como se leen: `alinea explain`, `alinea rules list`,
# `rules check`, `rules test` y la referencia de reglas (docs/es/rules.md).

rules-origin-builtin = el propio alinea (referencia: { $page } en el repositorio de alinea)
rules-status-stable = estable
rules-status-preview = en prueba
rules-status-deprecated = en desuso
rules-label-slug = nombre
rules-label-severity = severidad
rules-label-pillar = pilar
rules-label-check = verificación
rules-label-title = título
rules-label-source = fuente
rules-label-kind = tipo
rules-label-rule = Regla
rules-kind-builtin = verificación integrada (se ejecuta sin archivos de reglas)
rules-explain-unknown = ninguna regla se llama `{ $name }`

## La referencia de reglas.

rules-ref-title = Referencia de reglas
rules-ref-generated = Generado por `alinea rules list --format markdown --lang es`: edite las reglas, no esta página.
rules-ref-counts = alinea ejecuta { $all } verificaciones: { $builtin ->
        [one] 1 verificación integrada
       *[other] { $builtin } verificaciones integradas
    } en alinea y { $rules ->
        [one] 1 regla escrita
       *[other] { $rules } reglas escritas
    } en el lenguaje de reglas.
rules-ref-intro = Una verificación se designa por su id o por su nombre en `--select`, `--ignore`, `severity:` de `alinea.yaml`, las excepciones y `alinea explain`. La severidad indicada es la predeterminada (`severity:` en `alinea.yaml` la cambia); el pilar es el lado del triángulo estratégico (legitimidad y soporte, capacidad operativa, valor público) que protege la verificación.
rules-ref-builtin-heading = Verificaciones integradas
rules-ref-builtin-intro = Estas verificaciones forman parte de alinea: se ejecutan sobre todos los planes, con o sin archivos de reglas (`--no-default-rules` no las excluye).
rules-ref-rules-heading = Reglas
rules-ref-rules-intro = Cada regla está escrita en el lenguaje de reglas de alinea; el texto de cada regla aparece después de su documentación.
rules-ref-severity = Severidad: { $value }
rules-ref-pillar = Pilar: { $value }
rules-ref-check = Verificación del perfil: `{ $id }` ({ $name })
rules-ref-kind-builtin = Tipo: integrada en alinea (se ejecuta sin archivos de reglas)
rules-ref-source = Fuente: { $value }
rules-ref-status = Estado: { $value }
rules-ref-file = Archivo: { $value }
rules-ref-fix = Corrección (`alinea check --fix`): { $value }

## `alinea rules check` y `alinea rules test`.

rules-untranslated = { $rules ->
        [one] 1 regla no tiene
       *[other] { $rules } reglas no tienen
    } todos sus textos en español:
rules-untranslated-help = en una ejecución en español, cada texto que falta se muestra en inglés; escriba su traducción junto al texto en inglés (`title.es`, `message.es`, `help.es`, `/// Qué verifica:`…)
rules-test-passed = ok     { $case }
rules-test-failed = FALLÓ  { $case }
rules-test-missing = falta       { $rule } en { $place }
rules-test-unexpected = inesperado  { $rule } en { $place }: { $message }
rules-test-summary = { $cases ->
        [one] 1 caso
       *[other] { $cases } casos
    }: { $passed ->
        [one] 1 aprobado
       *[other] { $passed } aprobados
    }, { $failed ->
        [one] 1 fallido
       *[other] { $failed } fallidos
    }
rules-test-no-case = no se encontró ningún caso (un caso es una carpeta de archivos de plan con comentarios `# expect:`)

## Las palabras del formato de plan, tal como las muestra el mensaje de una regla.

rules-value-ascending = ascendente
rules-value-descending = descendente
rules-value-undefined = no definido
rules-value-count = cantidad
rules-value-number = número
rules-value-percent = porcentaje
rules-value-ratio = ratio
rules-value-rate = tasa
rules-value-index = índice
rules-value-rate-of-change = tasa de variación
rules-value-draft = borrador
rules-value-approved = aprobado
rules-value-ministry = ministerio
rules-value-oca = organismo constitucionalmente autónomo
rules-value-regional-government = gobierno regional
rules-value-municipality = municipalidad
rules-value-university = universidad
rules-value-other = otro tipo de entidad
rules-value-national = nacional
rules-value-regional = regional
rules-value-provincial = provincial
rules-value-district = distrital
rules-value-new = nuevo
rules-value-updated = actualizado
rules-value-extended = ampliado
rules-value-quality = calidad
rules-value-coverage = cobertura

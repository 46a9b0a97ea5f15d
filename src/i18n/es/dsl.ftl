# El lenguaje de reglas: errores de sintaxis y de tipos en los archivos de reglas, y los nombres
# de sus tipos.

## Errores de sintaxis.

dsl-too-deep = la expresión está anidada en más de { $levels } niveles
dsl-too-deep-label = anidamiento excesivo
dsl-syntax-expected = error de sintaxis: se esperaba { $expected }, pero se encontró { $found }
dsl-syntax-expected-label = se esperaba { $expected }
dsl-syntax-or = { $init } o { $last }
dsl-syntax-something-else = otra cosa
dsl-syntax-other = error de sintaxis: { $message }
dsl-here = aquí
dsl-expect-doc-line = una línea de documentación `///`
dsl-expect-rule-id = un id de regla como `ART-01`
dsl-expect-slug = un nombre de regla como `objective-not-articulated`
dsl-expect-lang-tag = un idioma como `.es`
dsl-expect-binding = una variable como `o in objectives`
dsl-expect-collection = una colección como `objectives`
dsl-expect-plan-kind = un tipo de plan
dsl-expect-expression = una expresión
dsl-expect-comparison = una comparación como `==` o `in`
dsl-expect-number = un número
dsl-expect-string = un texto entre comillas
dsl-expect-boolean = `true` o `false`
dsl-expect-name = un nombre
dsl-expect-quantifier = `some`, `every` o `no`
dsl-expect-list = una lista
dsl-expect-call = una llamada a una función
dsl-expect-end = el final del archivo
dsl-incomplete-binding = variable de `for` incompleta
dsl-empty-expression = expresión vacía
dsl-no-operand-not = `not` sin operando
dsl-no-operand-minus = `-` sin operando
dsl-incomplete-comparison = comparación incompleta
dsl-empty-call = llamada vacía
dsl-incomplete-quantifier = cuantificador incompleto
dsl-empty-count = `count` vacío
dsl-incomplete-count = `count` incompleto
dsl-incomplete-comprehension = lista por comprensión incompleta
dsl-unexpected-text = texto inesperado

## Los textos de una regla en dos idiomas.

dsl-unknown-language = `{ $keyword }.{ $code }` indica un idioma que alinea no habla: `{ $code }`
dsl-unknown-language-label = no es un idioma de alinea
dsl-unknown-language-help = escriba `{ $keyword }` para el texto en inglés y `{ $keyword }.es` para el texto en español
dsl-translated-at = `at` acompaña al `message` en inglés: un hallazgo señala el mismo lugar en todos los idiomas
dsl-translated-at-label = `at` después de `message.es`
dsl-translated-at-help = escriba `at` después del `message` en inglés y omítalo en `message.es`
dsl-no-english-message = la regla `{ $rule }` no tiene `message` en inglés
dsl-no-english-message-label = el mensaje en inglés es obligatorio
dsl-no-english-message-help = escriba `message "…" at …` en inglés; `message.es "…"` es su traducción al español
dsl-text-twice = `{ $keyword }` está escrito dos veces en esta regla
dsl-text-twice-label = escrito otra vez aquí
dsl-translation-alone = `{ $keyword }.es` traduce `{ $keyword }`, que esta regla no tiene
dsl-translation-alone-label = escriba también `{ $keyword }` en inglés

## Errores de tipos.

dsl-builtin-name = `{ $name }` es una función integrada del lenguaje
dsl-builtin-name-label = elija otro nombre
dsl-no-title = la regla `{ $rule }` no tiene `title`
dsl-no-title-label = agregue `title "…"` al encabezado
dsl-no-header = la regla no tiene `{ $what }`
dsl-no-header-label = agregue `{ $what }` al encabezado
dsl-values-are = los valores posibles son { $values }
dsl-unknown-header = `{ $word }` no es un valor de `{ $what }`
dsl-unknown-header-label = no es un valor de `{ $what }`
dsl-needs-list = { $what } requiere una lista, pero se encontró { $found }
dsl-not-a-list = no es una lista
dsl-at-unbound = `at` nombra `{ $name }`, que ningún `for` declara
dsl-at-unbound-label = no es una variable de `for`
dsl-at-not-a-place = `at` debe nombrar un lugar, como `o.traces_to` o `i.targets[2025]`
dsl-at-not-a-place-label = no es un camino
dsl-interpolation-outside = `{"{"}…{"}"}` solo se interpola en `message` y `help`
dsl-interpolation-outside-label = escriba `\{"{"}` para obtener una llave
dsl-must-be = { $what } debe ser { $expected }, pero es { $found }
dsl-must-be-label = esto es { $found }
dsl-unknown-name = `{ $name }` no es un nombre conocido
dsl-unknown-name-label = aquí no es una variable, una constante ni un valor
dsl-field-of-list-help = esto es una lista: use `some x in …: …`, `count(…)` o `[… for x in …]`
dsl-no-field = { $owner } no tiene el campo `{ $field }`
dsl-no-field-label = no existe ese campo
dsl-fields-are = los campos de { $owner } son { $fields }
dsl-unknown-field = { $owner } no tiene el campo `{ $field }`
dsl-what-year = un año
dsl-what-index = un índice de lista
dsl-what-quantifier = un cuantificador
dsl-what-condition = la condición después de `:`
dsl-what-comprehension = una lista por comprensión
dsl-what-left = el operando izquierdo de `{ $op }`
dsl-what-right = el operando derecho de `{ $op }`
dsl-no-index = no se puede usar `[…]` en { $found }
dsl-no-index-label = no es un mapa ni una lista
dsl-list-mixes = una lista mezcla { $first } y { $second }
dsl-different-type = otro tipo
dsl-unknown-word = `{ $word }` no es { $a_what }
dsl-unknown-word-label = no es { $a_what }
dsl-cannot-compare = no se puede comparar { $left } con { $right }
dsl-different-types = tipos distintos
dsl-cannot-order = no se puede comparar { $left } con { $right } mediante `{ $op }`
dsl-cannot-order-label = estos valores no se pueden comparar
dsl-in-needs-list = `{ $op }` requiere una lista a su derecha, pero se encontró { $found }
dsl-cannot-look-for = no se puede buscar { $item } en { $list }
dsl-cannot-add = no se pueden sumar { $left } y { $right }
dsl-cannot-add-label = estos valores no se pueden sumar
dsl-coalesce-mixes = `??` une { $left } y { $right }
dsl-unknown-function = `{ $name }` no es una función conocida
dsl-unknown-function-label = no existe esa función
dsl-arity = `{ $name }` recibe { $arity } { $arity ->
        [one] argumento
       *[other] argumentos
    }, pero se le { $found ->
        [one] pasa 1
       *[other] pasan { $found }
    }
dsl-arity-label = número de argumentos incorrecto
dsl-argument = `{ $name }` requiere { $expected }, pero recibe { $found }
dsl-argument-label = se esperaba { $expected }
dsl-expected-text-or-list = texto o una lista
dsl-expected-list = una lista
dsl-literal-pattern = `matches` requiere un patrón literal
dsl-literal-pattern-label = escriba el patrón como un texto entre comillas
dsl-invalid-pattern = patrón no válido: { $error }
dsl-invalid-pattern-label = no es una expresión regular válida
dsl-recursion = `{ $name }` se llama a sí misma ({ $chain } → { $name })
dsl-recursion-label = no se admite la recursión
dsl-recursion-help = una regla siempre debe terminar: escriba la función auxiliar sin que se llame a sí misma
dsl-inline-budget = expandir `{ $name }` supera las { $max } llamadas a `def` en esta regla
dsl-inline-budget-label = la expansión se detiene aquí
dsl-inline-budget-help = cada llamada copia el cuerpo del `def`: una cadena de `def` en la que cada uno llama al siguiente más de una vez crece exponencialmente; haga que cada `def` llame al siguiente una sola vez, o divida la regla

## Archivos y paquetes de reglas.

dsl-no-doc-section = la regla `{ $rule }` no tiene la sección de documentación `/// { $section }:`
dsl-no-doc-section-label = documentación incompleta
# $what es id o slug; el slug de una regla se llama «nombre» en español.
dsl-duplicate = otra regla ya usa el { $what ->
        [slug] nombre
       *[other] id
    } `{ $key }`
dsl-duplicate-of-pack = el paquete de reglas predeterminado ya usa el { $what ->
        [slug] nombre
       *[other] id
    } `{ $key }`
dsl-duplicate-label = { $what ->
        [slug] nombre
       *[other] id
    } repetido
dsl-duplicate-pack-rule = la regla `{ $rule }` del paquete predeterminado ({ $file })
dsl-duplicate-of-pack-help = asigne otro { $what ->
        [slug] nombre
       *[other] id
    } a su regla, o deje fuera el paquete predeterminado con `--no-default-rules`
dsl-duplicate-first = la primera regla con este { $what ->
        [slug] nombre
       *[other] id
    }, `{ $rule }` ({ $place })
dsl-duplicate-help = los ids y los nombres de las reglas son únicos entre todos los archivos de reglas cargados: asigne otro { $what ->
        [slug] nombre
       *[other] id
    } a una de las dos reglas
dsl-rule-path-missing = la ruta de reglas `{ $path }` no existe
dsl-rule-path-unreadable = no se puede leer `{ $path }`: { $error }
dsl-rule-file-not-utf8 = el archivo de reglas `{ $path }` no está codificado en UTF-8
dsl-rule-file-too-large = el archivo de reglas `{ $path }` es demasiado grande
dsl-rule-file-unreadable = no se puede leer el archivo de reglas `{ $path }`: { $error }

## Los tipos del lenguaje de reglas, en palabras.

dsl-type-bool = un valor lógico
dsl-type-bools = valores lógicos
dsl-type-num = un número
dsl-type-nums = números
dsl-type-str = texto
dsl-type-strs = textos
dsl-type-date = una fecha
dsl-type-dates = fechas
dsl-type-list = una lista de { $items }
dsl-type-lists = listas de { $items }
dsl-type-map = un mapa de números por año
dsl-type-maps = mapas
dsl-type-any = cualquier valor
dsl-word-name = { $kind ->
        [plan-kind] tipo de plan
        [entity-type] tipo de entidad
        [level] nivel de gobierno
        [version] versión
        [status] estado
        [unit] unidad de medida
        [direction] sentido esperado
        [investment-type] tipo de inversión
        [guide] guía de CEPLAN
       *[gap-type] tipo de brecha
    }
dsl-a-word = { $kind ->
        [plan-kind] un tipo de plan
        [entity-type] un tipo de entidad
        [level] un nivel de gobierno
        [version] una versión
        [status] un estado
        [unit] una unidad de medida
        [direction] un sentido esperado
        [investment-type] un tipo de inversión
        [guide] una guía de CEPLAN
       *[gap-type] un tipo de brecha
    }
dsl-words = { $kind ->
        [plan-kind] tipos de plan
        [entity-type] tipos de entidad
        [level] niveles de gobierno
        [version] versiones
        [status] estados
        [unit] unidades de medida
        [direction] sentidos esperados
        [investment-type] tipos de inversión
        [guide] guías de CEPLAN
       *[gap-type] tipos de brecha
    }
dsl-an-object = { $object ->
        [plan] un plan
        [element] un elemento
        [link] una articulación
        [upper-link] una entrada de `upper`
        [action-link] una entrada de `action`
        [indicator] un indicador
        [baseline] una línea de base
        [ficha] una ficha técnica
        [activity] una actividad operativa
        [investment] una inversión
        [gap] un indicador de brecha
        [entity] una entidad
        [period] un periodo
        [approval] una aprobación
       *[participation] un registro del proceso participativo
    }
dsl-objects = { $object ->
        [plan] planes
        [element] elementos
        [link] articulaciones
        [upper-link] entradas de `upper`
        [action-link] entradas de `action`
        [indicator] indicadores
        [baseline] líneas de base
        [ficha] fichas técnicas
        [activity] actividades operativas
        [investment] inversiones
        [gap] indicadores de brecha
        [entity] entidades
        [period] periodos
        [approval] aprobaciones
       *[participation] registros del proceso participativo
    }
dsl-object-name = { $object ->
        [plan] plan
        [element] elemento (objetivo o acción)
        [link] articulación (entrada de `traces_to`)
        [upper-link] entrada de `upper`
        [action-link] entrada de `action`
        [indicator] indicador
        [baseline] línea de base
        [ficha] ficha técnica (la `ficha` de un indicador)
        [activity] actividad operativa
        [investment] inversión
        [gap] indicador de brecha
        [entity] entidad
        [period] periodo
        [approval] aprobación
       *[participation] registro del proceso participativo
    }
dsl-field-table-head = | objeto | campo | tipo | qué es |

# El explorador (alinea browse): pestañas, paneles, la línea de estado, las indicaciones,
# las ventanas emergentes y la ayuda. Las teclas son las mismas en todos los idiomas; solo
# se traduce lo que hacen.

## Pestañas y encabezado

tui-view-findings = Hallazgos
tui-view-trace = Articulación
tui-view-coverage = Cobertura
tui-view-profile = Perfil
tui-header-findings = { $count ->
        [one] 1 hallazgo:
       *[other] { $count } hallazgos:
    }
tui-header-errors = { $count ->
        [one] 1 error
       *[other] { $count } errores
    }
tui-header-warnings = { $count ->
        [one] 1 advertencia
       *[other] { $count } advertencias
    }
tui-header-infos = { $count ->
        [one] 1 hallazgo informativo
       *[other] { $count } hallazgos informativos
    }
tui-too-small = terminal demasiado pequeña

## La línea de estado

tui-hint = ? ayuda  q salir
# La pista cuando la línea de estado es estrecha.
tui-hint-short = ? ayuda
tui-prompt-filter = filtro:
tui-shown-of-total = { $shown } de { $total } hallazgos
# La cuenta cuando la línea de estado es estrecha.
tui-shown-of-total-short = { $shown }/{ $total }
tui-matches = { $count ->
        [one] 1 coincidencia
       *[other] { $count } coincidencias
    }
tui-chip-filter = filtro: { $filter }
tui-chip-severity = severidad ≥ { $severity }
tui-chip-search = búsqueda: { $search } ({ $count ->
        [one] 1 coincidencia
       *[other] { $count } coincidencias
    })
# $group es file, rule, severity, pillar o none.
tui-chip-group = { $group ->
        [file] por archivo
        [rule] por regla
        [severity] por severidad
        [pillar] por pilar
       *[none] sin agrupar
    }
tui-group-pending = agrupar por: f archivo · r regla · s severidad · p pilar · n sin agrupar
tui-relinting = revisando de nuevo…
tui-relinted = revisión actualizada: { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] 1 advertencia
       *[other] { $warnings } advertencias
    }, { $infos ->
        [one] 1 hallazgo informativo
       *[other] { $infos } hallazgos informativos
    }
tui-relint-failed = no se pudo revisar de nuevo: { $error }
tui-editor-failed = editor: { $error }
tui-editor-unclosed-quote = falta cerrar unas comillas en la configuración del editor `{ $setting }`
tui-editor-cannot-start = no se pudo iniciar `{ $program }`: { $error }
tui-rule-problems = { $count ->
        [0] hay problemas en los archivos de reglas
        [one] hay 1 problema en los archivos de reglas: { $first }
       *[other] hay { $count } problemas en los archivos de reglas; el primero: { $first }
    }
tui-copied = se copió { $location }
tui-unknown-rule = no hay documentación de `{ $rule }`
tui-nothing-to-trace = { $rule }: este hallazgo no se refiere a ningún elemento; se muestra su plan
tui-cell-empty = ningún objetivo de `{ $plan }` se articula con { $code }

## Los errores del filtro

tui-filter-needs-field = `%` necesita un campo (regla, severidad, sev, plan, pilar, archivo, elemento)
tui-filter-unknown-field = `%{ $name }` no es un campo (regla, severidad, sev, plan, pilar, archivo, elemento)
tui-filter-needs-value = `%{ $field }` necesita un valor
tui-filter-compare = solo %sev se compara con < y >, no `%{ $field }`
tui-filter-not-severity = `{ $value }` no es una severidad (error, advertencia, información)
tui-filter-not-pillar = `{ $value }` no es un pilar (legitimidad, capacidad, valor)
tui-filter-unclosed-quote = falta cerrar unas comillas

## La vista Hallazgos

tui-findings-title = hallazgos ({ $shown } de { $total }){ $position ->
        [0] {""}
       *[other] {" "}· { $position }/{ $shown }
    }
tui-detail = detalle
tui-no-findings = no hay hallazgos
tui-no-match = ningún hallazgo coincide con el filtro (esc lo borra)
tui-nothing-selected = seleccione un hallazgo para verlo aquí
tui-no-pillar = sin pilar
tui-group-findings = { $count ->
        [one] 1 hallazgo
       *[other] { $count } hallazgos
    }
tui-group-hint = enter o ← → pliegan y despliegan el grupo
tui-detail-at = en
tui-detail-path = ruta
tui-detail-on = sobre
tui-detail-element-of = { $element } de { $plan }
tui-detail-indicator = indicador { $indicator }
tui-detail-related = ubicaciones relacionadas · o sigue una (ctrl-o regresa)
tui-detail-help = ayuda
tui-detail-keys = e editar · i explicar · t articulación · y copiar la ubicación

## La vista Articulación

tui-trace = articulación
tui-trace-title = articulación de { $code } · { $plan }
tui-no-trace = seleccione un hallazgo sobre un objetivo, una acción, una actividad operativa o una inversión, y pulse t o 2
tui-trace-upwards = ▲ hacia arriba: a qué contribuye
tui-trace-downwards = ▼ hacia abajo: qué lo implementa
tui-trace-seen = (ya se mostró arriba)
tui-trace-truncated = … (la articulación se corta aquí: es demasiado profunda o demasiado amplia)
tui-gap = vacío: { $gap } ({ $rule })
tui-gap-broken = vacío: la referencia `{ $reference }` no existe
tui-tag-objective = obj
tui-tag-action = acc
tui-tag-activity = aoi
tui-tag-investment = cui
tui-tag-plan = plan
tui-relation-parent = del que forma parte
tui-relation-action = acción
tui-relation-traced-by = se articula con este
tui-relation-upper-plan = plan de nivel superior
tui-relation-lower-plan = plan de nivel inferior

## La vista Cobertura

tui-concerted-plans = planes concertados
tui-matrix = cobertura
tui-matrix-title = cobertura de { $plan } · { $order } · columna: { $column }
tui-sort-document = orden del plan
tui-sort-least = menos cubiertos primero
tui-matrix-objective = objetivo
tui-matrix-total = total
# La leyenda de las marcas de las celdas, en el borde inferior de la matriz.
tui-legend-clean = sin hallazgos
tui-legend-worst = peor hallazgo
tui-legend-none = ninguno
tui-legend-gap = vacío: nadie lo toma
tui-no-concerted = no se cargó ningún plan concertado (PDRC, PDLC) ni un plan de nivel superior con el que otro plan se articule
tui-cell-keys = (enter: articulación, e: editar, esc: cerrar)

## La vista Perfil

tui-profiles = perfil de valor público
tui-profile-legend = proporción ponderada de las verificaciones que se cumplen, por pilar
tui-pillar-checks = el triángulo y las verificaciones de cada pilar
tui-no-plans = no se cargó ningún plan

## La explicación de una regla

tui-explain-title = regla { $rule } (esc cierra)
# $status es stable, preview o deprecated.
tui-explain-about = severidad { $severity } · pilar { $pillar } · { $status ->
        [stable] estable
        [preview] en prueba
        [deprecated] en desuso
       *[other] { $status }
    }
tui-explain-source = fuente: { $source }
tui-explain-builtin = severidad { $severity } · pilar { $pillar } · verificación integrada
tui-explain-no-pillar = ninguno
tui-explain-rule-text = texto de la regla ({ $file })

## La ayuda: lo que hace cada tecla

tui-help-title = teclas (escriba para filtrar)
tui-help-no-match = ninguna tecla coincide con `{ $filter }`
# La sintaxis del filtro, al final de la ayuda: cada término y lo que hace.
tui-syntax-title = sintaxis del filtro (f): todos los términos deben cumplirse
tui-syntax-text = palabras
tui-syntax-text-help = texto libre: en la regla, el mensaje, el plan, el elemento, el archivo o la ruta YAML
tui-syntax-rule = %regla ART
tui-syntax-rule-help = id o nombre de la regla que empieza así; ART-01,REF para cualquiera de varias
tui-syntax-severity = %sev>=advertencia
tui-syntax-severity-help = severidad, comparada con >= > <= < = (un valor solo significa =)
tui-syntax-plan = %plan pei-
tui-syntax-plan-help = id del plan que lo contiene
tui-syntax-pillar = %pilar valor
tui-syntax-pillar-help = legitimidad, capacidad o valor
tui-syntax-file = %archivo moyobamba
tui-syntax-file-help = ruta del archivo que lo contiene
tui-syntax-element = %elemento OEI.03
tui-syntax-element-help = código del elemento que lo contiene
tui-syntax-negate = !
tui-syntax-negate-help = antes de un término lo niega: !%regla ART-07
tui-syntax-quote = "dos palabras"
tui-syntax-quote-help = un valor con espacios
tui-syntax-short = %r %s %pl %pi
tui-syntax-short-help = campos abreviados a cualquier inicio sin ambigüedad; también en inglés (%rule, %pillar)
tui-help-keys-note = las teclas son las mismas en español y en inglés (--lang es|en)
tui-context-global = general
tui-context-findings = hallazgos
tui-context-coverage = cobertura
tui-key-down = bajar una fila
tui-key-up = subir una fila
tui-key-page-down = bajar una página
tui-key-page-up = subir una página
tui-key-top = ir a la primera fila
tui-key-bottom = ir a la última fila
tui-key-next-finding = hallazgo siguiente, sin pasar por los encabezados de grupo
tui-key-prev-finding = hallazgo anterior, sin pasar por los encabezados de grupo
tui-key-follow-related = seguir una ubicación relacionada hasta su hallazgo (otra vez tras ctrl-o: la siguiente)
tui-key-jump-back = regresar al hallazgo desde el que se siguió una ubicación relacionada
tui-no-related = este hallazgo no tiene ubicaciones relacionadas
tui-no-finding-at = no hay ningún hallazgo en { $location }
tui-followed = ubicación relacionada { $which } de { $count } · ctrl-o regresa
tui-no-jump-back = no se ha seguido ninguna ubicación relacionada
tui-key-right = desplegar un grupo / entrar (articulación: seguir el nodo; matriz: columna siguiente)
tui-key-left = plegar un grupo o ir a su fila / volver (articulación: raíz anterior; matriz: columna anterior)
tui-key-enter = plegar o desplegar un grupo, pasar al detalle, seguir un nodo de la articulación, listar una celda de la matriz
tui-key-next-pane = panel siguiente
tui-key-prev-pane = panel anterior
tui-key-view-findings = vista Hallazgos
tui-key-view-trace = vista Articulación del elemento del hallazgo seleccionado
tui-key-view-coverage = matriz de Cobertura de un plan concertado
tui-key-view-profile = vista Perfil: los pilares del valor público
tui-key-search = buscar (la lista no cambia; se resaltan las coincidencias)
tui-key-search-next = coincidencia siguiente
tui-key-search-prev = coincidencia anterior
tui-key-filter = filtrar: texto, %regla ART, %sev>=advertencia, %plan pei-…, %pilar valor, %archivo, %elemento; ! niega (los campos también se escriben en inglés: %rule, %pillar…)
tui-key-cycle-severity = cambiar la severidad mínima (información, advertencia, error)
tui-key-group-prefix = agrupar por: luego f archivo, r regla, s severidad, p pilar, n sin agrupar
tui-key-sort-coverage = ordenar la matriz: orden del plan / menos cubiertos primero
tui-key-edit = abrir $VISUAL / $EDITOR en la línea y la columna
tui-key-trace = mostrar el elemento seleccionado en la vista Articulación
tui-key-explain = explicar la regla
tui-key-copy = copiar archivo:línea:columna
tui-key-reload = revisar de nuevo ahora (también se hace automáticamente cuando cambia un archivo de plan o de reglas)
tui-key-help = esta ayuda; escriba para filtrarla
tui-key-escape = cerrar la ventana emergente; luego, borrar la búsqueda; luego, borrar el filtro
tui-key-quit = salir
tui-key-group-file = agrupar los hallazgos por archivo de plan
tui-key-group-rule = agrupar los hallazgos por regla
tui-key-group-severity = agrupar los hallazgos por severidad
tui-key-group-pillar = agrupar los hallazgos por pilar
tui-key-group-none = no agrupar los hallazgos

# Las teclas de las líneas de búsqueda y de filtro, en la ayuda.
tui-context-prompt = línea de texto
tui-prompt-key-enter = conservar lo escrito
tui-prompt-key-esc = volver al valor anterior
tui-prompt-key-clear = borrar la línea
tui-prompt-key-word = borrar la palabra anterior al cursor
tui-prompt-key-move = mover el cursor
tui-prompt-key-ends = al inicio o al final de la línea (también ctrl-a, ctrl-e)

## Mientras se revisan los planes (la pantalla de carga y la línea de estado)

tui-loading-title = alinea: revisando los planes
tui-loading-hint = q salir
tui-stage-rules = compilando las reglas
tui-stage-discover = buscando los archivos de planes
tui-stage-read = leyendo los planes: { $read } de { $files } archivos
tui-stage-resolve = resolviendo las referencias
tui-stage-evaluate = evaluando las reglas
tui-stage-report = preparando el informe
tui-relinting-stage = revisando de nuevo… { $stage }
tui-watch-failed = no se vigilan los archivos ({ $error }); pulse r para revisar de nuevo
tui-worker-stopped = el revisor se detuvo

# Las teclas propias de la vista activa, a la derecha de la línea de estado cuando caben.
tui-hint-view = { $place ->
        [findings] ↵ plegar  / buscar  f filtrar  e editar  t articulación
        [detail] j k desplazar  o relacionada  ← volver  e editar
        [trace] l seguir  h volver  e editar
        [coverage-plans] ↵ matriz  j k plan
        [coverage] ↵ celda  o ordenar  h l columna
        [profile-plans] ↵ verificaciones  t articulación
       *[profile] ↵ hallazgos  j k verificación
    }

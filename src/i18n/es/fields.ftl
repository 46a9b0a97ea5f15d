# Qué es cada campo del lenguaje de reglas, para la referencia de campos de
# docs/es/lenguaje-de-reglas.md (`field-<objeto>-<campo>`). Un campo cuyo significado es su
# nombre no tiene entrada.

field-plan-title = tal como se escribe en el encabezado
field-plan-rank = PEDN 7; PGG y PN 6; PESEM 5; PDRC 4; PDLC provincial 3; PDLC distrital 2; PEI 1; POI 0
field-plan-years = cada año del periodo, en orden
field-plan-upper = las entradas de `upper` que se resuelven
field-plan-upper-links = cada entrada de `upper`, tal como se escribió, resuelta o no
field-plan-lower = los planes que declaran a este en `upper`
field-plan-indicators = todos los indicadores de sus objetivos y acciones
field-plan-activities = las de un POI
field-plan-investments = las de un POI
field-plan-budget-ceiling = el de un POI
field-plan-file = el archivo del plan, tal como se muestra en los hallazgos
field-element-siblings = los objetivos del plan (para un objetivo) o las acciones de su objetivo (para una acción); incluido él mismo
field-element-traces-to = las entradas de `traces_to` que se resuelven
field-element-links = cada entrada de `traces_to`, tal como se escribió, resuelta o no
field-element-traced-by = los elementos que se articulan con él
field-element-actions = las acciones de un objetivo (vacía para una acción)
field-element-objective = el objetivo de una acción (ausente para un objetivo)
field-element-activities = las actividades operativas del POI cuya `action` es este elemento
field-element-investments = las inversiones del POI cuya `action` es este elemento
field-link-ref = la referencia tal como se escribió
field-link-why = la explicación de la relación causal
field-link-from = el elemento que la escribió
field-link-target = lo que nombra; ausente cuando no se resuelve
field-link-plan = el plan en el que está escrita
field-upper-link-ref = tal como se escribió
field-upper-link-from = el plan que la escribió
field-upper-link-target = el plan que nombra (ausente cuando no se resuelve)
field-action-link-ref = tal como se escribió
field-action-link-target = la acción que nombra (ausente cuando no se resuelve)
field-indicator-owner = el objetivo o la acción que lo contiene
field-activity-action = la AEI que implementa (ausente cuando no se resuelve o no se escribió)
field-activity-action-link = la entrada `action` tal como se escribió
field-investment-action = la AEI que implementa (ausente cuando no se resuelve o no se escribió)

# La tabla de claves de docs/es/formato-de-planes.md (`docs::key_reference`): cada clave del
# formato, sus nombres en español y dónde se escribe.
keys-table-head = | en español | clave en inglés | se escribe en |
keys-in-plan-file = el primer nivel del archivo
keys-in-header = el encabezado
keys-in-entity = la entidad
keys-in-period = el periodo
keys-in-approval = la aprobación
keys-in-participation = los registros del proceso participativo
keys-in-objective = los objetivos
keys-in-action = las acciones
keys-in-link = las entradas de `articulacion`
keys-in-indicator = los indicadores
keys-in-baseline = las líneas de base
keys-in-activity = las actividades operativas
keys-in-investment = las inversiones
keys-in-gap = las brechas
keys-in-waiver = las excepciones
keys-in-config-waiver = las excepciones de alinea.yaml
field-plan-ceplan-report = el informe técnico de CEPLAN, previo a la aprobación (no el `informe_tecnico` de la propia entidad)
field-plan-guide = la guía de CEPLAN cuyos anexos sigue el plan: `2017` o `2024` (si falta: 2024)
field-indicator-ficha = la ficha técnica, cuando también se transcribe
field-ficha-baseline = la línea de base que da la ficha
field-ficha-targets = los logros esperados que da la ficha

# La tabla de verificaciones de docs/es/perfil.md (`docs::profile_reference`).
profile-ref-head = | pilar | verificación | peso | cuenta | se aplica a | reglas |
profile-ref-every-plan = todo plan
profile-ref-when = { $when ->
        [approved] una vez aprobado
        [not-national] salvo los planes nacionales
        [with-poi] cuando algún POI lo declara
       *[with-ceiling] con `techo_presupuestal`
    }
profile-ref-counts = { $over ->
        [plan] el plan: se cumple o no
        [objectives] proporción de sus objetivos
        [elements] proporción de sus objetivos y acciones
        [actions] proporción de sus acciones
        [indicators] proporción de sus indicadores
        [operations] proporción de sus actividades e inversiones
       *[investments] proporción de sus inversiones
    }

# La tabla de límites del README (generada a partir de las constantes).
limits-table-head = | límite | valor | qué reporta alinea al pasarlo |
limits-file-size = tamaño de un archivo de plan (un archivo de reglas o un `alinea.yaml` más grande es un error)
limits-file-size-unit = { $value } MiB
limits-yaml-nodes = valores YAML en un archivo
limits-yaml-depth = anidamiento de mapeos y listas YAML
limits-yaml-aliases = valores creados al expandir alias, en un archivo
limits-unknown-keys = claves desconocidas listadas una por una, por mapeo (el resto se cuenta en un solo hallazgo)
limits-expr-depth = anidamiento de una expresión de regla (paréntesis y corchetes, `not` y `-`, cadenas de operadores y de accesos a campos)
limits-def-expansion = llamadas a `def` expandidas en una regla
limits-rule-error = error de regla

# Hallazgos REF: referencias entre planes.

ref-unreadable-plan = el plan `{ $plan }` está en `{ $file }`, que no se pudo leer: vea { $rule } allí
ref-unreadable-plan-label = este plan no se pudo leer
ref-unreadable-plan-help = corrija primero `{ $file }`; esta referencia se verificará de nuevo cuando el archivo se pueda leer

ref-plan-id-twice = otro plan ya usa el id de plan `{ $plan }`
ref-plan-id-twice-label = segundo plan con este id
ref-plan-id-twice-first = el primer plan con este id
ref-plan-id-twice-help = los ids de plan son únicos en el repositorio; cambie el de uno de los dos
ref-indicator-twice = el código de indicador `{ $code }` se usa dos veces en este plan
ref-indicator-twice-label = segundo indicador con este código
ref-indicator-twice-first = el primer indicador con este código
ref-indicator-twice-help = los códigos de indicador son únicos dentro de un plan
ref-cui-twice = el CUI `{ $cui }` figura dos veces en este plan
ref-cui-twice-label = segunda inversión con este CUI
ref-cui-twice-first = la primera inversión con este CUI
ref-cui-twice-help = registre cada inversión una sola vez; una las dos entradas
ref-code-twice = el código `{ $code }` se usa dos veces en `{ $plan }`
ref-code-twice-label = segundo elemento con este código
ref-code-twice-first = el primer elemento con este código
ref-code-twice-help = los objetivos, acciones y actividades de un plan comparten un solo conjunto de códigos; vuelva a numerar uno de ellos

ref-no-upper-plan = el plan de nivel superior `{ $plan }` no existe
ref-no-plan-label = ningún plan tiene este id
ref-declared-here = `{ $name }` se declara aquí
ref-plan-ids-help = el id de cada plan se declara como `plan.id` en su archivo
ref-names-unknown-plan = `{ $reference }` nombra el plan `{ $plan }`, que no existe
ref-unknown-plan-label = plan desconocido
ref-bare-code = este plan no tiene el elemento `{ $code }`
ref-bare-code-label = un código sin id de plan designa un elemento del mismo plan
ref-code-of = `{ $code }` de `{ $plan }`
ref-look-up-code = busque el código en `{ $plan }`
ref-no-element = `{ $plan }` no tiene el elemento `{ $code }`
ref-no-element-label = ningún elemento tiene este código

ref-own-plan = `{ $element }` se articula con `{ $reference }` de su propio plan
ref-not-above = { $who } { $kind ->
        [upper] declara como plan de nivel superior a
       *[trace] se articula con
    } `{ $reference }` ({ $target }), que no es de nivel superior a este plan ({ $source })
ref-not-above-label = apunta a un plan del mismo nivel o de nivel inferior
ref-not-above-help = la articulación va hacia arriba: PEDN > PGG, PN > PESEM > PDRC > PDLC provincial > PDLC distrital > PEI > POI
ref-plan-is = `{ $plan }` es { $description }
ref-undeclared = `{ $element }` se articula con `{ $plan }`, que este plan no declara en `upper`
ref-undeclared-label = plan de nivel superior no declarado
ref-undeclared-help = agregue `{ $plan }` a `upper` en el encabezado del plan, o articule el elemento con un plan declarado
ref-undeclared-related = los planes declarados como de nivel superior
ref-cycle = ciclo de articulación: { $cycle }
ref-cycle-label = esta articulación cierra el ciclo
ref-cycle-help = la articulación va de un plan de nivel inferior a uno superior; retire la que apunta de vuelta hacia abajo
ref-in-cycle = `{ $element }` forma parte del ciclo

plan-description = { $kind ->
        [district-pdlc] un PDLC distrital
        [province-pdlc] un PDLC provincial
        [pedn] el PEDN
        [pgg] la PGG
        [pn] una Política Nacional
        [pesem] un PESEM
        [pdrc] un PDRC
        [pei] un PEI
        [poi] un POI
       *[other] un { $kind }
    }

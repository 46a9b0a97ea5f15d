# Las palabras del propio reporte: severidades, pilares, el resumen, las estadísticas y el perfil.

severity-error = error
severity-warning = advertencia
severity-info = información

pillar-legitimacy = legitimidad
pillar-capacity = capacidad
pillar-value = valor

summary-checked = se { $files ->
        [one] revisó 1 archivo
       *[other] revisaron { $files } archivos
    } y { $plans ->
        [one] 1 plan
       *[other] { $plans } planes
    }: { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    }, { $warnings ->
        [one] 1 advertencia
       *[other] { $warnings } advertencias
    }, { $infos ->
        [one] 1 hallazgo informativo
       *[other] { $infos } hallazgos informativos
    }
summary-suppressed = { $count ->
        [one] 1 hallazgo no se muestra: lo cubre una excepción o el archivo de hallazgos aceptados
       *[other] { $count } hallazgos no se muestran: los cubren excepciones o el archivo de hallazgos aceptados
    }
summary-not-transcribed = { $count ->
        [one] 1 hallazgo trata
       *[other] { $count } hallazgos tratan
    } sobre datos no transcritos de las fuentes (desconocidos: ni fallan ni son excepciones)
summary-fixed = { $count ->
        [one] 1 hallazgo aceptado ya fue corregido
       *[other] { $count } hallazgos aceptados ya fueron corregidos
    } (retírelos del archivo de hallazgos aceptados):
summary-profile = perfil de valor público (proporción ponderada de las verificaciones que se cumplen, por pilar):
summary-skipped = omitido (no es un plan): { $file }

statistics-total = { $findings ->
        [one] 1 hallazgo
       *[other] { $findings } hallazgos
    } en { $rules ->
        [one] 1 regla
       *[other] { $rules } reglas
    }

# La etiqueta antes de la ayuda de un hallazgo en el reporte para personas.
report-help = ayuda

# Bajo un hallazgo cuyo archivo cambió en el disco después de la revisión: sus líneas se muestran en blanco.
report-changed-on-disk = nota: { $file } cambió después de la revisión; no se muestran sus líneas

# El perfil de valor público (v2): verificaciones por pilar, sus respuestas y el monto.
profile-no-score = n. a.
profile-check = { $id ->
        [approved] aprobado
        [ceplan_report] informe técnico de CEPLAN
        [published] publicado
        [participatory] proceso participativo
        [horizon] horizonte
        [upper_in_force] planes superiores vigentes
        [articulated] articulado
        [reaches_national] llega a la política nacional
        [owned] con responsable
        [funded] financiado
        [ruta_estrategica] ruta estratégica
        [operations_linked] operaciones vinculadas
        [within_budget] dentro del techo presupuestal
        [investments_measured] inversiones con indicador de brecha
        [measurable] medible
        [baselines] líneas de base
        [targets] logros esperados
       *[documented] fichas técnicas
    }
profile-status = { $status ->
        [pass] se cumple
        [fail] no se cumple
        [waived] excepción
        [unknown] desconocido
       *[na] no aplica
    }
profile-status-list = { $status ->
        [fail] no se cumplen
        [waived] con excepción
       *[unknown] desconocidas (no transcritas)
    }: { $checks }
profile-reason = { $reason ->
        [draft] borrador: aún no aprobado
        [kind] no aplica a este tipo de plan
        [national] plan nacional: no tiene plan superior
        [no-poi] ningún POI declara este PEI
        [no-ceiling] sin techo presupuestal
        [nothing-to-count] nada que contar
       *[not-transcribed] trata sobre datos no transcritos
    }
profile-money = monto
profile-money-line = { $chain } de { $total } ({ $share } %) llegan a la política nacional por una cadena completa
profile-millions = S/ { $amount } millones

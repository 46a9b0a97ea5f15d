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
summary-profile = perfil de valor público (elementos sin hallazgos, por pilar):
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

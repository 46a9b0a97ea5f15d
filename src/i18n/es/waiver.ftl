# Hallazgos WAI: excepciones (hallazgos aceptados, con un motivo y una fecha de vencimiento).

waiver-expired = la excepción de `{ $rule }` venció el { $until }
waiver-expired-label = excepción vencida
waiver-expired-help = corrija los hallazgos que cubría (se reportan de nuevo) o renueve la excepción con un nuevo `until` y un nuevo motivo
waiver-unused = la excepción de `{ $rule }` no cubre ningún hallazgo en { $scope }
waiver-unused-plan = este plan
waiver-unused-label = excepción sin uso
waiver-unused-help = retire la excepción: lo que aceptaba ya está corregido (o la regla o el elemento están mal escritos)
waiver-unknown-rule = la excepción nombra la regla `{ $rule }`, que no es el id ni el nombre de ninguna regla cargada
waiver-unknown-rule-label = no existe esa regla
waiver-unknown-rule-help = indique la regla mediante su id (`ART-01`) o su nombre; `alinea rules list` muestra todas las reglas
waiver-load = `{ $rule }` no admite excepciones
waiver-load-label = los hallazgos LOAD no admiten excepciones
waiver-load-help = un archivo que no se puede leer es un plan que nadie revisó: corrija el archivo
waiver-unknown-plan = la excepción nombra el plan `{ $plan }`, que no existe
waiver-unknown-plan-label = ningún plan tiene este id
waiver-unknown-plan-help = indique el plan mediante su `plan.id`
waiver-unknown-code = `{ $code }` no es un elemento de `{ $plan }`

# Entradas de `no_transcrito`: hallazgos sobre datos que las fuentes tienen y la transcripción no.
not-transcribed-unused = la entrada de `no_transcrito` de `{ $rule }` no cubre ningún hallazgo en { $scope }
not-transcribed-unused-help = retire la entrada: el dato ya está transcrito (o la regla o el elemento están mal escritos)

# Hallazgos REF: referencias entre planes.

ref-unreadable-plan = el plan `{ $plan }` está en `{ $file }`, que no se pudo leer: vea { $rule } allí
ref-unreadable-plan-label = este plan no se pudo leer
ref-unreadable-plan-help = corrija primero `{ $file }`; esta referencia se vuelve a verificar cuando cargue

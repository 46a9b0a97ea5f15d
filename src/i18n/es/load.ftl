# Hallazgos LOAD: archivos que no se pueden leer, analizar o convertir en un plan.

load-duplicated-key = clave duplicada `{ $key }`
load-duplicated-key-label = escrita por segunda vez aquí
load-duplicated-key-first = escrita por primera vez aquí
load-duplicated-key-help = una clave aparece una sola vez en un mapeo; una las dos o cambie el nombre de una

load-near-plan = la clave de primer nivel `{ $key }` no es `plan`: este archivo no se lee como un plan
load-near-plan-label = ¿quiso decir `plan`?
load-near-plan-help = ¿quiso decir `plan`? Un archivo de plan empieza con un encabezado `plan:` (en minúsculas) con `id` y `kind`
load-headless = este archivo tiene `{ $key }` pero no un encabezado `plan`: no se lee como un plan
load-headless-label = contenido de un plan sin encabezado
load-headless-help = ¿quiso decir `plan`? Agregue al inicio del archivo un encabezado `plan:` con `id` y `kind`
load-not-a-plan = este archivo no es un plan: su primer nivel no tiene un encabezado `plan`
load-not-a-plan-label = sin encabezado `plan`
load-not-a-plan-help = un archivo de plan empieza con un encabezado `plan:` con `id` y `kind`; indique en la línea de comandos archivos o carpetas de planes

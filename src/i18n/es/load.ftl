# Hallazgos LOAD: archivos que no se pueden leer, analizar o convertir en un plan.

load-duplicated-key = clave duplicada `{ $key }`
load-duplicated-key-label = escrita por segunda vez aquí
load-duplicated-key-first = escrita por primera vez aquí
load-duplicated-key-help = una clave solo puede aparecer una vez en un mapeo; una las dos o cambie el nombre de una

load-near-plan = la clave de primer nivel `{ $key }` no es `plan`: este archivo no se lee como un plan
load-near-plan-label = ¿quiso decir `plan`?
load-near-plan-help = ¿quiso decir `plan`? Un archivo de plan empieza con un encabezado `plan:` (en minúsculas) con `id` y `{ $kind }`
load-headless = este archivo tiene `{ $key }` pero no un encabezado `plan`: no se lee como un plan
load-headless-label = contenido de un plan sin encabezado
load-headless-help = ¿quiso decir `plan`? Agregue al inicio del archivo un encabezado `plan:` con `id` y `{ $kind }`
load-not-a-plan = este archivo no es un plan: su primer nivel no tiene un encabezado `plan`
load-not-a-plan-label = sin encabezado `plan`
load-not-a-plan-help = un archivo de plan empieza con un encabezado `plan:` con `id` y `{ $kind }`; indique en la línea de comandos archivos o carpetas de planes

# Qué es un mapeo, en mensajes como "clave desconocida `titul` en el encabezado del plan".
load-what-plan-file = un archivo de plan
load-what-header = el encabezado del plan
load-what-entity = la entidad
load-what-period = `{ $key }`
load-what-approval = la aprobación
load-what-participation = un registro del proceso participativo
load-what-objective = un objetivo
load-what-action = una acción
load-what-link = una articulación
load-what-indicator = un indicador
load-what-baseline = la línea de base
load-what-ficha = la ficha técnica
load-what-activity = una actividad operativa
load-what-investment = una inversión
load-what-gap = un indicador de brecha
load-what-waiver = una excepción
load-what-not-transcribed = una entrada de `no_transcrito`
load-what-config = la configuración

# La forma del archivo.
load-complex-key = la clave de un mapeo debe ser texto simple
load-complex-key-label = esta clave es una lista o un mapeo
load-second-document = un archivo de plan contiene un solo documento YAML
load-second-document-label = aquí empieza un segundo documento
load-second-document-help = pase el segundo documento a un archivo propio

# Claves.
load-unknown-key = clave desconocida `{ $key }` en { $what }
load-unknown-key-label = clave desconocida
load-more-unknown-keys = { $count } claves desconocidas más en { $what }, que no se listan una por una
load-keys-are = las claves de { $what } son { $list }
load-key-twice = `{ $key }` repite la clave `{ $first }` en { $what }
load-key-twice-label = escrita dos veces (¿una vez en inglés y otra en español?)
load-key-twice-help = conserve solo una de las dos claves
load-missing-key = falta la clave obligatoria `{ $key }` en { $what }
load-missing-key-label = { $what } no tiene `{ $key }`
load-not-a-mapping = { $what } debe ser un mapeo; se encontró { $found }
load-not-a-mapping-label = aquí se esperaban líneas `clave: valor`
load-shape-help = escriba `{ $example }`

# Valores.
load-not-text-scalar = `{ $key }` debe ser texto; se encontró { $found } `{ $value }`
load-not-text-scalar-label = se lee como un número, no como texto
load-not-text-scalar-help = escríbalo entre comillas: `{ $key }: "{ $value }"` (de lo contrario se perderían los ceros iniciales de códigos como el ubigeo o el CUI)
load-not-text = `{ $key }` debe ser texto; se encontró { $found }
load-not-text-label = se esperaba texto
load-quoted-number = `{ $key }` debe ser un número; se encontró el texto entre comillas `{ $value }`
load-quoted-number-label = está entre comillas, así que se lee como texto
load-quoted-number-help = quite las comillas
load-not-a-number = `{ $key }` debe ser un número; se encontró { $found }
load-not-a-number-or-nd = `{ $key }` debe ser un número (o `null` / `ND` si no se conoce); se encontró { $found }
load-not-a-number-label = se esperaba un número
load-not-a-year = `{ $key }` debe ser un año, como 2024; se encontró `{ $value }`
load-not-a-year-label = no es un año
load-not-a-date = `{ $key }` debe ser una fecha con el formato AAAA-MM-DD; se encontró { $found }
load-not-a-date-label = no es una fecha válida
load-not-a-date-help = escriba la fecha como año-mes-día, por ejemplo `2023-12-22`
load-unknown-value = valor desconocido de `{ $key }`: `{ $value }`
load-unknown-value-label = { $n ->
    [one] no es el valor admitido
   *[other] no es ninguno de los { $n } valores admitidos
}
load-allowed-values = los valores admitidos son { $list }
load-allowed-values-near = { $near } Los valores admitidos son { $list }
load-not-a-word = `{ $key }` debe ser una sola palabra; se encontró { $found }
load-not-a-word-label = se esperaba uno de los valores admitidos
load-not-a-list = `{ $key }` debe ser una lista; se encontró { $found }
load-not-a-list-label = se esperaba una lista
load-not-a-list-help = escriba `{ $key }: [ … ]` o una línea `- ` por elemento
load-not-a-year-map = `{ $key }` debe asignar un número a cada año; se encontró { $found }
load-not-a-year-map-label = se esperaba `{ "{" }2024: 40, 2025: 50{ "}" }`
load-year-map-key = `{ $key }` debe asignar un número a cada año; se encontró la clave `{ $found }`

# El encabezado del plan.
load-empty-header = el encabezado del plan está vacío
load-empty-header-label = sin `id`, `{ $kind }`, …
load-invalid-id = id de plan no válido `{ $id }`
load-invalid-id-label = id no válido
load-invalid-id-help = un id de plan se escribe con letras minúsculas, dígitos y guiones, y empieza con una letra o un dígito
load-misplaced = un plan `{ $kind }` no lleva `{ $key }`
load-misplaced-poi-label = `{ $key }` corresponde a un `{ $poi }`
load-misplaced-elsewhere-label = `{ $key }` corresponde a planes de cualquier otro tipo
load-missing-territory-label = las entidades de nivel regional, provincial y distrital deben indicar su territorio
load-missing-territory-help = indique el ubigeo del INEI como texto: 2 dígitos para un departamento, 4 para una provincia, 6 para un distrito
load-invalid-ubigeo = ubigeo no válido `{ $value }`
load-invalid-ubigeo-label = no tiene 2, 4 ni 6 dígitos
load-invalid-ubigeo-help = un ubigeo del INEI tiene 2 dígitos para un departamento, 4 para una provincia y 6 para un distrito
load-period-reversed = el periodo termina ({ $end }) antes de empezar ({ $start })
load-period-reversed-label = anterior a `{ $start }`

# La configuración (alinea.yaml), que se lee como un archivo de plan.
load-unknown-severity = severidad desconocida `{ $value }`
load-unknown-severity-label = no es una severidad
load-unknown-severity-help = las severidades son { $list }
load-severity-not-a-map = `{ $key }` debe asignar una severidad a cada id de regla; se encontró { $found }
load-severity-not-a-map-label = se esperaba `{ "{" }ART-04: info{ "}" }`
load-config-not-utf8 = el archivo de configuración `{ $path }` no está en UTF-8
load-config-too-large = el archivo de configuración `{ $path }` es demasiado grande
load-config-unreadable = no se puede leer el archivo de configuración `{ $path }`: { $error }

# LOAD-03: archivos que no se pueden leer.
load-path-label = esta ruta
load-path-help = elimine el enlace o corrija aquello a lo que apunta
load-not-utf8 = el archivo no está en UTF-8 (byte 0x{ $byte })
load-not-utf8-label = no es UTF-8
load-not-utf8-help = guarde el archivo en UTF-8; un byte como este suele indicar Latin-1 (ISO-8859-1) o Windows-1252
load-utf16 = el archivo está en UTF-16; los archivos de planes van en UTF-8
load-utf16-label = UTF-16
load-utf16-help = guarde el archivo en UTF-8 (en el Bloc de notas o en Excel: "Guardar como", codificación UTF-8; el "Texto Unicode" de Excel es UTF-16)
load-too-large = el archivo es demasiado grande ({ $size } MiB; el límite es { $limit } MiB)
load-too-large-help = un archivo de plan es mucho más pequeño; divídalo o déjelo fuera de las rutas revisadas
load-unreadable = no se puede leer el archivo: { $error }
load-this-file = este archivo

# LOAD-01: errores de sintaxis YAML, explicados donde está el error, y límites del lector.

yaml-here = aquí
yaml-this-line = esta línea
yaml-opened-here = se abre aquí
yaml-invalid = YAML no válido: { $info }

# Qué es un valor, en mensajes como "`superior` debe ser una lista; se encontró texto".
yaml-shape-list = una lista
yaml-shape-mapping = un mapeo
yaml-shape-null = nada (null)
yaml-shape-boolean = un valor lógico
yaml-shape-number = un número
yaml-shape-text = texto

# Límites.
yaml-too-many-values = el archivo contiene más de { $max } valores YAML
yaml-too-many-values-help = un archivo tan grande no es un plan; divídalo o quítelo de las rutas revisadas
yaml-too-deep = anidamiento de más de { $max } niveles
yaml-too-deep-help = los archivos de plan tienen pocos niveles de anidamiento; este archivo no puede ser un plan
yaml-unknown-anchor = alias de un ancla que no existe
yaml-unknown-anchor-help = defina el ancla antes de usarla
yaml-alias-bomb = los alias se expanden a más de { $max } valores
yaml-alias-bomb-help = esto parece una bomba de alias; escriba los valores en lugar de anidar alias

# Tabulaciones.
yaml-tab-indentation = tabulación usada para la sangría
yaml-tab-indentation-help = YAML no admite tabulaciones en la sangría; use espacios
yaml-tab = tabulación donde YAML espera un espacio
yaml-tab-help = reemplace la tabulación por un espacio
yaml-tab-label = esta tabulación

# Comillas y corchetes sin cerrar.
yaml-unclosed = `{ $open }` sin cerrar
yaml-unclosed-quote-help = este texto entre comillas no se cierra nunca: agregue la comilla de cierre `{ $quote }`
yaml-unclosed-quote-line-help = este texto entre comillas no se cierra en su línea: agregue la comilla de cierre `{ $quote }` (un valor entre comillas que ocupa varias líneas debe sangrarlas más que su clave)
yaml-unclosed-list-help = esta lista no se cierra nunca: agregue el corchete de cierre `]` después de su último elemento
yaml-unclosed-mapping-help = este mapeo no se cierra nunca: agregue la llave de cierre `{ "}" }` después de su última entrada

# Dentro de `[…]` y `{…}`.
yaml-expected-comma-in-list = se esperaba `,` o `]`
yaml-expected-comma-in-list-help = separe con comas los elementos de una lista `[…]` y ciérrela con `]`
yaml-expected-comma-in-mapping = se esperaba `,` o `{ "}" }`
yaml-expected-comma-in-mapping-help = separe con comas las entradas de un mapeo `{ "{" }…{ "}" }`, ciérrelo con `{ "}" }` y ponga entre comillas los valores que contengan `: `
yaml-colon-in-list = `:` inesperado en una lista `[…]`
yaml-colon-in-list-help = una clave y los `:` que la siguen deben estar en la misma línea: ponga entre comillas los elementos que contengan `: `
yaml-flow-indented-too-little = esta línea tiene muy poca sangría
yaml-flow-indented-too-little-help = un `[…]` o `{ "{" }…{ "}" }` escrito en varias líneas debe sangrar cada línea más que su clave
yaml-bad-indentation = sangría incorrecta
yaml-bad-indentation-help = sangre esta línea igual que las líneas a las que pertenece

# Dos puntos.
yaml-colon-in-value = `:` inesperado en el valor de `{ $key }`
yaml-colon-in-value-label = estos dos puntos
yaml-colon-in-value-help = un `: ` dentro de un valor debe ir entre comillas: escriba `{ $fixed }`
yaml-colon-in-value-quote-help = un `: ` dentro de un valor debe ir entre comillas: ponga entre comillas el valor de `{ $key }`
yaml-key-indented-too-far = la clave `{ $key }` tiene demasiada sangría
yaml-key-indented-too-far-label = esta clave
yaml-key-indented-too-far-help = sangre `{ $key }` igual que las claves de arriba: una línea con más sangría que la anterior continúa el valor de esa línea, donde los `:` no pueden iniciar una clave
yaml-unexpected-colon = `:` inesperado
yaml-unexpected-colon-help = YAML leyó el texto anterior a los `:` como parte de un valor: revise la sangría de esta línea y de la anterior, y ponga entre comillas los valores que contengan `: `
yaml-missing-space = falta un espacio después de `:` en `{ $line }`
yaml-missing-space-fixed-help = escriba `{ $fixed }`: después de los `:` de una clave debe ir un espacio
yaml-missing-space-help = después de los `:` de una clave debe ir un espacio
yaml-expected-key-value = se esperaba `clave: valor` y se encontró `{ $line }`
yaml-expected-key-value-help = en un mapeo cada línea es `clave: valor`: agregue los `:` después de la clave o, si esta línea continúa el valor de la anterior, sángrela más que su clave

# Líneas fuera de lugar.
yaml-item-among-keys = elemento de lista inesperado
yaml-item-among-keys-label = este elemento
yaml-item-among-keys-help = un elemento `- ` no puede estar entre las claves de un mapeo: sángrelo igual que los demás elementos de su lista, debajo de la clave que contiene la lista
yaml-bad-indentation-of = sangría incorrecta de `{ $key }`
yaml-bad-indentation-of-help = sangre esta línea igual que las claves del mapeo al que pertenece: en la columna de una clave de arriba
yaml-text-after-value = texto inesperado después del valor
yaml-text-after-value-help = un valor entre comillas o corchetes termina en su comilla o corchete de cierre: mueva este texto dentro del valor o empiece la siguiente clave en una línea propia
yaml-expected-item = se esperaba un elemento de lista `- `
yaml-expected-item-label = no es un elemento de lista
yaml-expected-item-help = las líneas de arriba con esta sangría son elementos de una lista, así que esta también debe empezar con `- `; para agregar una clave, dele a la lista una clave propia
yaml-item-on-key-line = elemento de lista en la misma línea que su clave
yaml-item-on-key-line-label = este `-`
yaml-item-on-key-line-help = empiece la lista en la línea siguiente, con un elemento `- ` por línea sangrado debajo de su clave, o escríbala entre corchetes: `[a, b]`

# Anclas y alias.
yaml-unknown-alias = alias desconocido `*{ $name }`
yaml-unknown-alias-label = no hay un ancla con este nombre más arriba
yaml-unknown-alias-help = `*` inicia un alias de un valor marcado antes en el archivo con `&{ $name }`; si se trata de texto, ponga el valor entre comillas
yaml-nameless-alias = `*` sin nombre de alias
yaml-nameless-alias-help = en YAML `*` inicia un alias; si se trata de texto, ponga el valor entre comillas
yaml-nameless-anchor = `&` sin nombre de ancla
yaml-nameless-anchor-help = en YAML `&` inicia un ancla; si se trata de texto, ponga el valor entre comillas

# Valores entre comillas.
yaml-bad-escape = secuencia de escape no válida `{ $escape }` en un valor entre comillas dobles
yaml-bad-escape-label = esta secuencia de escape
yaml-bad-escape-help = entre comillas dobles una barra invertida inicia una secuencia de escape como `\n`: escriba la barra invertida como `\\` o ponga el valor entre comillas simples
yaml-after-quote = texto después de la comilla de cierre
yaml-after-quote-label = después de la comilla
yaml-after-single-quote-help = un valor entre comillas simples termina en la siguiente `'`: escriba una `'` interna como `''` o ponga todo el valor entre comillas dobles
yaml-after-double-quote-help = un valor entre comillas termina en su comilla de cierre: ponga todo el valor dentro de las comillas y escriba una `"` interna como `\"`

# Caracteres con un significado propio.
yaml-unmatched = `{ $close }` sin su `{ $open }` de apertura
yaml-unmatched-label = no cierra nada
yaml-unmatched-help = elimínelo o agregue el `{ $open }` que cierra; un valor que empieza con `{ $close }` debe ir entre comillas
yaml-bad-value-start = se esperaba un valor y se encontró `{ $char }`
yaml-bad-value-start-help = un valor no puede empezar con `{ $char }`: ponga el valor entre comillas
yaml-expected-value = se esperaba un valor
yaml-expected-value-help = escriba el valor o elimine la línea
yaml-after-block-indicator = texto inesperado después de `{ $indicator }`
yaml-after-block-indicator-help = `|` y `>` inician un bloque de texto en las líneas siguientes, y en su línea solo puede seguirlos un comentario: ponga entre comillas un valor que empiece con `|` o `>`
yaml-reserved = `{ $char }` no puede iniciar un valor sin comillas
yaml-reserved-label = carácter reservado
yaml-reserved-help = YAML reserva `@`, `` ` `` y `%` al inicio de un valor sin comillas: ponga el valor entre comillas

# Documentos.
yaml-after-document-end = texto después de la marca de fin de documento `...`
yaml-after-document-end-help = `...` termina el documento YAML: elimínelo o ponga este texto en una línea propia
yaml-expected-document-start = se esperaba `---` para iniciar el documento
yaml-expected-document-start-help = una línea que empieza con `%` es una directiva YAML y debe ir seguida de una línea `---`; si se trata de texto, póngalo entre comillas
yaml-directive-inside = una directiva `%` dentro del documento
yaml-directive-inside-help = una línea que empieza con `%` es una directiva YAML: si se trata de texto, sángrelo debajo de su clave y póngalo entre comillas
yaml-byte-order-mark = marca de orden de bytes dentro del documento
yaml-byte-order-mark-label = aquí hay un U+FEFF invisible
yaml-byte-order-mark-help = elimine la marca de orden de bytes invisible (U+FEFF): solo puede estar al inicio del archivo

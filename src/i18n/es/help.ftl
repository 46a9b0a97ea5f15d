# `--help`: para qué sirve cada comando, opción y argumento. `help-<comando>` describe un
# comando, `help-<comando>-<opción>` una de sus opciones, `help-arg-<opción>` una opción que
# significa lo mismo en todos los comandos.

help-alinea = Verifica que los planes públicos del Perú estén articulados (SINAPLAN / CEPLAN)
help-help = Muestra este mensaje o la ayuda de los subcomandos indicados
help-check = Revisa los archivos de plan de las rutas e imprime los hallazgos
help-browse = Explora en la terminal los hallazgos, la articulación, la cobertura y los perfiles
help-explain = Muestra la documentación, la severidad, el pilar, la fuente y el texto de una regla
help-baseline = Escribe los hallazgos actuales en un archivo de hallazgos aceptados
help-graph = Exporta el grafo de articulación resuelto (dot, mermaid o json), con las referencias rotas y los vacíos de articulación marcados
help-lsp = Atiende el protocolo de servidor de lenguaje (LSP) por la entrada y la salida estándar, para los editores
help-rules = Lista, verifica y prueba reglas
help-rules-help = Muestra este mensaje o la ayuda de los subcomandos indicados
help-rules-list = Todas las reglas cargadas: id, nombre, severidad, pilar, título
help-rules-check = Solo analiza y verifica archivos de reglas (con el paquete predeterminado, salvo que se deje fuera)
help-rules-test = Ejecuta los casos de prueba de reglas (comentarios `# expect: ID`); por defecto, los casos del paquete predeterminado

help-arg-help = Muestra la ayuda
help-arg-version = Muestra la versión
help-arg-lang = El idioma de todo texto que lee una persona: es o en (por defecto: `lang:` en alinea.yaml; si no, `ALINEA_LANG`; si no, la configuración regional; si no, en)
help-arg-paths = Archivos y carpetas que se revisan
help-arg-rules = Archivos o carpetas de reglas adicionales (repetible; se suman al paquete predeterminado)
help-arg-no-default-rules = Deja fuera el paquete predeterminado de reglas
help-arg-config = El archivo de configuración (por defecto: el `alinea.yaml` más cercano por encima de las rutas; si no, por encima de esta carpeta)
help-arg-as-of = La fecha con la que se comparan los vencimientos de las excepciones (AAAA-MM-DD; por defecto: hoy)
help-arg-select = Reporta solo estas reglas: ids, nombres o familias como `IND`, separados por comas (`--select IND,ART-01`); repetible
help-arg-ignore = No reporta estas reglas: ids, nombres o familias, separados por comas; repetible
help-arg-fail-on = La severidad mínima que hace fallar la revisión, con código de salida 1 (por defecto: la de la configuración; si no, error)
help-arg-format = Formato de salida
help-arg-color = Cuándo usar colores (con `auto` se respeta `NO_COLOR`)

help-check-output = Escribe el reporte en este archivo en lugar de la salida estándar
help-check-baseline = No reporta los hallazgos de este archivo de hallazgos aceptados y lista los que ya se corrigieron (por defecto: el `baseline` de la configuración)
help-check-statistics = Imprime un conteo por regla en lugar de los hallazgos (solo en el formato para personas)
help-check-jobs = Analiza los archivos con esta cantidad de hilos (por defecto: uno por núcleo)
help-check-quiet = Imprime los hallazgos sin el resumen
help-check-verbose = Lista también los archivos YAML omitidos porque no son planes
help-check-timings = Imprime en la salida estándar de errores cuánto tardó cada etapa (las reglas se compilan mientras se buscan los archivos: esas dos etapas se solapan)
help-check-file-order = Lista los hallazgos en el orden de los archivos (por defecto van primero los errores de las familias LOAD y REF, que son las causas)
help-check-fix = Corrige lo mecánico (correcciones seguras) en los archivos de planes y luego informa lo que queda
help-check-unsafe-fixes = Con `--fix` o `--diff`, aplica también las correcciones inseguras (cambian códigos o deciden un orden)
help-check-diff = Muestra las correcciones como un diff unificado, sin escribir ningún archivo
help-browse-baseline = No muestra los hallazgos de este archivo de hallazgos aceptados (por defecto: el `baseline` de la configuración)
help-explain-rule = El id o el nombre de una regla (`ART-01`, `objective-not-articulated`)
help-baseline-output = Dónde escribir el archivo de hallazgos aceptados (por defecto: el `baseline` de la configuración; si no, `alinea-baseline.json`)
help-graph-output = Escribe el grafo en este archivo en lugar de la salida estándar
help-rules-check-files = Archivos o carpetas de reglas (por defecto: solo el paquete predeterminado)
help-rules-test-dirs = Carpetas de casos (por defecto: los casos incluidos en alinea)
help-help-command = El comando (y el subcomando) que se describe

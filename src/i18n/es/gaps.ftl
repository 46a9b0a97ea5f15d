# Vacíos: los eslabones que faltan en la cadena de articulación, tal como los dibujan la
# vista Articulación del explorador y `alinea graph`.

gap-not-articulated = no se articula con ningún plan de nivel superior
gap-not-national = no llega al PEDN ni a una Política Nacional
gap-uncovered = ningún plan de nivel inferior lo incorpora
gap-unfunded = ninguna actividad operativa ni inversión la implementa
gap-no-action = no implementa ninguna acción estratégica

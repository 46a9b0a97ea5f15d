# Recorrido de las rutas: lugares que no se pueden recorrer.

discover-loop = bucle de enlaces simbólicos: `{ $path }` vuelve a `{ $ancestor }`
discover-unreadable = no se puede leer: { $reason }
discover-not-a-file = no es un archivo común (es una tubería con nombre, un dispositivo o un socket): alinea solo lee archivos y nunca espera a uno de estos

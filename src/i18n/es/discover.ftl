# Recorrido de las rutas: lugares que no se pueden recorrer.

discover-loop = bucle de enlaces simbólicos: `{ $path }` vuelve a `{ $ancestor }`
discover-unreadable = no se puede leer: { $reason }

# Palabras que comparten todas las partes de alinea.

did-you-mean = ¿quiso decir `{ $name }`?

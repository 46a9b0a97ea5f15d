# El archivo de hallazgos aceptados (alinea-baseline.json).

baseline-unreadable = no se puede leer el archivo de hallazgos aceptados `{ $file }`: { $reason }
baseline-not-a-baseline = `{ $file }` no es un archivo de hallazgos aceptados de alinea: { $reason }
baseline-version = `{ $file }` es un archivo de hallazgos aceptados de la versión { $version }; esta versión de alinea lee la versión 1

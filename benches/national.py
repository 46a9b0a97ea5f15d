#!/usr/bin/env python3
"""Generates a national-scale plan repository, with the shape of Peru, for benchmarks.

    python3 benches/national.py [--scale K] [--seed S] [--out DIR] [--force]
    cargo build --release && target/release/alinea check target/bench-corpus/national-s1-seed1 --statistics

The corpus is written once under target/bench-corpus/national-s<K>-seed<S>/ (or --out) and
reused when it exists with the same parameters (its MANIFEST.json says which); --force writes
it again. Same scale and seed, same bytes. Stdlib only; a scale-1 corpus takes about
half a minute to write.

What it holds at --scale 1 (about 6,000 plan files, 80-100 MB of YAML):

- national/: the PEDN al 2050 (ON1-ON4 with their OE), the PGG 2023-2026 (ejes and
  lineamientos), 20 Políticas Nacionales (OP and lineamientos), 19 ministries (sectors/<slug>/)
  each with a PESEM, a PEI and a POI, and 150 national institutions (institutions/<slug>/)
  with a PEI and a POI: organismos públicos adscritos (under their sector's PESEM), organismos
  constitucionalmente autónomos and public universities (under the PEDN);
- regional/<department>/: the 25 regional governments, each with a PDRC, a PEI and a POI;
- local/<department>/<province>/ and local/<department>/<province>/<district>/: the 196
  provinces and 1,874 districts of the real totals, per department (the names are synthetic,
  the province and district counts per department are the real ones, the districts are spread
  unevenly over the provinces). A province's capital district is governed by the provincial
  municipality, so 1,678 district municipalities have plans of their own: a district PDLC, a
  PEI and a POI; every province has a provincial PDLC, a PEI and a POI.

Every sub-national plan has `entity.territory` (ubigeo: 2, 4 or 6 digits). References chain
as in real plans: POI -> PEI (`upper`, `action`); PEI -> PDLC / PDRC / PESEM (`upper`,
`traces_to` with `why`), PGG (OEI) and Políticas Nacionales (AEI); district PDLC -> province
PDLC -> PDRC -> PEDN and Políticas Nacionales. About one municipal plan in six is written with
the Spanish keys of CEPLAN's matrices (`objetivos`, `codigo`, `linea_base`, …).

--scale K multiplies the sub-national layer and the national institutions: the regions are
taken K×25 times (the second round gets ubigeos 26-50 and ids ending in -r2, and so on;
K up to 3.9), so --scale 2 is twice the municipalities and twice the files; --scale 0.1 keeps
3 regions (and 15 institutions) for quick runs. The PEDN, PGG, Políticas Nacionales and the
19 ministries are always all there.

Seeded defects. Each defect is drawn with its own probability per eligible item (below), from
a random stream of its own, and each kind is forced once on its 5th to 17th eligible item if it
has not occurred yet, so that every rule family fires at any scale. The counts actually seeded are
printed and written to MANIFEST.json (`defects`), for comparison with alinea's findings:

    per file       LOAD-01 malformed YAML (tab indentation, unclosed quote or bracket) 0.1 %
                   of POIs; LOAD-02 wrong type or value (unquoted ubigeo, scalar period,
                   misspelt key, quoted number, unknown unit) 0.2 % of PEIs and POIs; LOAD-03
                   Latin-1 file 0.03 % of POIs (only files nothing refers to break, or a broken
                   Política Nacional would turn every reference to it into a REF-01)
    per plan       APR-01 approved without approval 0.5 %; APR-03 not published 1 %;
                   APR-04 concerted plan without participation 2 %; APR-05 no CEPLAN report
                   1 %; APR-02 PEI shorter than 3 years 0.2 %; PRI-01 ruta priorities with a
                   gap 0.3 % of PEIs; ART-02 municipal PEI under the PDRC 0.3 %; ART-03 district
                   PDLC under another province's PDLC 0.2 %; ART-05 draft PDLC 0.3 %; ART-06
                   district PDLC past its province's horizon 0.5 %; CAP-03 POI over its ceiling
                   2 %; REF-02 a copy of a PEI left next to it (duplicate id) 0.05 % and a
                   code written twice 0.1 %; REF-03 two district PDLCs tracing to each other
                   0.2 % of provinces; REF-04 a PEI tracing to another PEI 0.1 %; REF-05 a
                   district PEI tracing to a neighbour's PDLC 0.3 %; WAI-01/02/03 an unused,
                   an expired, an invalid waiver 0.2 % each
    per element    REF-01 broken reference (typo in a code or plan id) 0.2 % of references;
                   ART-01 objective without articulation 0.4 %; ART-04 link without `why`
                   2 %; ART-08 AEI without a Política Nacional 1 %; ART-09 OEI without the
                   PGG 1 %; ART-10 AEI under the wrong OEI 0.2 %; CAP-01 no responsible unit
                   0.6 %; IND-01 element without indicator 1 %
    per indicator  IND-02 incomplete baseline 1 %; IND-03 baseline not before the start
                   0.2 %; IND-04 stale baseline 0.5 %; IND-05 targets missing a year 0.8 %;
                   IND-06 targets against the direction 0.4 %; IND-07 first target against
                   the baseline 0.5 %; IND-08 value out of range 0.2 %; IND-09 no source or
                   method 1 %; IND-10 a ficha that disagrees 20 % of the 3 % with a ficha
    per POI item   CAP-02 AEI without activity 2 %; POI-01 activity without `action`
                   0.3 %; POI-03 funded year without physical target 0.5 %; INV-01
                   investment without `action` 1 %; INV-02 without gap indicator 1 %;
                   INV-03 CUI not 7 digits 0.5 %

Some findings follow from others, as in real repositories (a PEI under a draft PDLC gets
ART-05, an OEI whose PDLC objective lost its articulation gets ART-07, an objective without
indicator leaves ART-11 alone), and a few come from the data themselves (ART-11 on PDRC
objectives no municipality took up); the figures to expect are in the summary alinea prints.

How benchmarks use it: `benches/scale.py` times renamed copies of the sample plans; this
corpus is the realistic large case, one repository of the whole country, to time
`alinea check`, its grouping of reports by territory, and `--scale 2` to see that the time
roughly doubles.
"""
import argparse
import functools
import json
import os
import random
import re
import shutil
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "target", "bench-corpus")
GENERATOR_VERSION = 1

# --- the country ---------------------------------------------------------------------------

# ubigeo, slug, name, provinces, districts (real totals: 196 provinces, 1,874 districts)
DEPARTMENTS = [
    ("01", "amazonas", "Amazonas", 7, 84), ("02", "ancash", "Áncash", 20, 166),
    ("03", "apurimac", "Apurímac", 7, 84), ("04", "arequipa", "Arequipa", 8, 109),
    ("05", "ayacucho", "Ayacucho", 11, 119), ("06", "cajamarca", "Cajamarca", 13, 127),
    ("07", "callao", "Callao", 1, 7), ("08", "cusco", "Cusco", 13, 112),
    ("09", "huancavelica", "Huancavelica", 7, 100), ("10", "huanuco", "Huánuco", 11, 84),
    ("11", "ica", "Ica", 5, 43), ("12", "junin", "Junín", 9, 124),
    ("13", "la-libertad", "La Libertad", 12, 83), ("14", "lambayeque", "Lambayeque", 3, 38),
    ("15", "lima", "Lima", 10, 171), ("16", "loreto", "Loreto", 8, 53),
    ("17", "madre-de-dios", "Madre de Dios", 3, 11), ("18", "moquegua", "Moquegua", 3, 20),
    ("19", "pasco", "Pasco", 3, 29), ("20", "piura", "Piura", 8, 65),
    ("21", "puno", "Puno", 13, 110), ("22", "san-martin", "San Martín", 10, 77),
    ("23", "tacna", "Tacna", 4, 28), ("24", "tumbes", "Tumbes", 3, 13),
    ("25", "ucayali", "Ucayali", 4, 17),
]
assert sum(d[3] for d in DEPARTMENTS) == 196 and sum(d[4] for d in DEPARTMENTS) == 1874

SYLLABLES = ["hua", "pa", "cha", "qui", "llo", "ca", "ta", "ma", "yu", "co", "ri", "ya", "to",
             "chu", "ra", "pu", "ni", "san", "ccu", "lla", "mar", "pam", "ya", "cu", "ti", "bam",
             "ba", "ja", "huay", "lu", "sa", "mo", "que", "ña", "can", "tam", "ur", "pi"]

# The PEDN al 2050: its four Objetivos Nacionales and how many OE each has.
PEDN_ON = [
    ("ON1", "Alcanzar el pleno desarrollo de las capacidades de las personas, sin dejar a nadie atrás", 6),
    ("ON2", "Gestionar el territorio de manera sostenible a fin de prevenir y reducir los riesgos y "
            "amenazas que afectan a las personas y sus medios de vida, en un contexto de cambio climático", 5),
    ("ON3", "Elevar los niveles de competitividad y productividad con empleo decente y en base al "
            "aprovechamiento sostenible de los recursos y la transformación digital del país", 6),
    ("ON4", "Garantizar una sociedad justa, democrática, pacífica y un Estado efectivo al servicio de "
            "las personas, en base al diálogo y el fortalecimiento de las instituciones", 5),
]

PGG_EJES = ["Paz social y gobernabilidad", "Concertación y diálogo nacional",
            "Protección social para el desarrollo", "Reactivación económica y empleo",
            "Modernización del Estado y lucha contra la corrupción",
            "Gestión del riesgo de desastres y gestión ambiental", "Seguridad ciudadana",
            "Descentralización y desarrollo territorial", "Infraestructura y conectividad"]

# Themes: what objectives are about. key -> (Política Nacional slug, PN title, PEDN ON,
# PGG eje, objective statement, actions, objective indicators, sector, regional unit,
# municipal unit). An indicator: (name, unit, direction, low, high).
THEMES = {
    "salud": ("salud", "Política Nacional Multisectorial de Salud al 2030", 1, 3,
              "Mejorar las condiciones de salud de la población",
              ["Atención integral de salud con calidad en el primer nivel",
               "Prevención y control de la anemia en niñas y niños menores de 36 meses",
               "Vigilancia y control de enfermedades metaxénicas y zoonóticas",
               "Atención prenatal oportuna para gestantes",
               "Inmunizaciones completas para niñas y niños menores de 5 años",
               "Promoción de prácticas y entornos saludables en las familias"],
              [("Porcentaje de niñas y niños de 6 a 35 meses con anemia", "percent", "descending", 25, 55),
               ("Tasa de mortalidad neonatal por cada 1 000 nacidos vivos", "rate", "descending", 6, 14)],
              "salud", "Dirección Regional de Salud", "Gerencia de Desarrollo Social"),
    "educacion": ("educacion", "Política Nacional de Educación Superior y Técnico-Productiva", 1, 3,
                  "Mejorar los logros de aprendizaje de los estudiantes de la educación básica",
                  ["Servicio educativo con docentes fortalecidos en competencias pedagógicas",
                   "Infraestructura educativa segura y adecuada en las instituciones públicas",
                   "Materiales educativos oportunos para los estudiantes",
                   "Acceso a la educación inicial de niñas y niños de 3 a 5 años",
                   "Tutoría y orientación educativa para estudiantes de secundaria"],
                  [("Porcentaje de estudiantes de segundo grado de secundaria con nivel satisfactorio en lectura", "percent", "ascending", 8, 30),
                   ("Tasa de conclusión de la educación secundaria en edad normativa", "rate", "ascending", 55, 80)],
                  "educacion", "Dirección Regional de Educación", "Gerencia de Desarrollo Social"),
    "agua": ("agua-saneamiento", "Política Nacional de Saneamiento", 1, 3,
             "Incrementar el acceso de la población a servicios de agua potable y saneamiento de calidad",
             ["Servicio de agua potable continuo y de calidad en el ámbito urbano",
              "Sistemas de agua y saneamiento rural operados por organizaciones comunales",
              "Vigilancia de la calidad del agua para consumo humano",
              "Tratamiento de aguas residuales domésticas"],
             [("Porcentaje de viviendas con acceso a agua potable por red pública", "percent", "ascending", 45, 85),
              ("Porcentaje de la población con acceso a alcantarillado", "percent", "ascending", 30, 75)],
             "vivienda", "Dirección Regional de Vivienda, Construcción y Saneamiento", "Gerencia de Servicios Públicos"),
    "vivienda": ("vivienda-urbanismo", "Política Nacional de Vivienda y Urbanismo", 2, 8,
                 "Promover el ordenamiento territorial y el desarrollo urbano sostenible",
                 ["Instrumentos de planificación urbana y rural actualizados",
                  "Catastro urbano actualizado para la gestión del territorio",
                  "Fiscalización de habilitaciones urbanas y edificaciones",
                  "Espacios públicos recuperados y mantenidos"],
                 [("Porcentaje de la población que reside en zonas con instrumentos de planificación territorial vigentes", "percent", "ascending", 20, 60)],
                 "vivienda", "Gerencia Regional de Infraestructura", "Gerencia de Desarrollo Urbano y Rural"),
    "riesgo": ("grd", "Política Nacional de Gestión del Riesgo de Desastres al 2050", 2, 6,
               "Reducir la vulnerabilidad de la población ante el riesgo de desastres",
               ["Sistemas de alerta temprana operativos en los centros poblados expuestos",
                "Capacidades de respuesta ante emergencias fortalecidas en la población",
                "Estudios de evaluación del riesgo en zonas de peligro alto",
                "Obras de prevención y mitigación ante inundaciones y deslizamientos"],
               [("Porcentaje de la población en zonas de riesgo alto con medidas de reducción del riesgo", "percent", "ascending", 5, 35)],
               "defensa", "Oficina Regional de Gestión del Riesgo de Desastres", "Subgerencia de Gestión del Riesgo de Desastres"),
    "seguridad": ("seguridad-ciudadana", "Política Nacional Multisectorial de Seguridad Ciudadana al 2030", 4, 7,
                  "Reducir la inseguridad ciudadana en el territorio",
                  ["Patrullaje integrado municipal y policial en sectores de alta incidencia delictiva",
                   "Central de videovigilancia operativa",
                   "Juntas vecinales de seguridad ciudadana organizadas y capacitadas",
                   "Prevención de la violencia en adolescentes y jóvenes"],
                  [("Número de denuncias por comisión de delitos por cada 10 000 habitantes", "rate", "descending", 40, 160)],
                  "interior", "Gerencia Regional de Seguridad Ciudadana", "Gerencia de Seguridad Ciudadana"),
    "gestion": ("modernizacion", "Política Nacional de Modernización de la Gestión Pública al 2030", 4, 5,
                "Fortalecer la gestión institucional orientada a resultados",
                ["Gestión por procesos implementada en la entidad",
                 "Servicios digitales implementados para la ciudadanía",
                 "Capacidades del personal fortalecidas en gestión pública",
                 "Sistema de control interno implementado",
                 "Gestión documental digital e interoperable"],
                [("Porcentaje de ciudadanos que califican positivamente la gestión de la entidad", "percent", "ascending", 15, 45),
                 ("Índice de capacidad de gestión institucional", "index", "ascending", 0.3, 0.7)],
                "pcm", "Gerencia Regional de Planeamiento, Presupuesto y Acondicionamiento Territorial", "Gerencia Municipal"),
    "ambiente": ("ambiente", "Política Nacional del Ambiente al 2030", 2, 6,
                 "Mejorar la calidad ambiental y la conservación de los ecosistemas",
                 ["Gestión integral de residuos sólidos municipales",
                  "Recuperación de áreas degradadas por residuos sólidos",
                  "Conservación de bosques y ecosistemas frágiles",
                  "Fiscalización ambiental de actividades productivas"],
                 [("Porcentaje de residuos sólidos municipales dispuestos en rellenos sanitarios", "percent", "ascending", 10, 60),
                  ("Superficie de bosque deforestada por año en hectáreas", "number", "descending", 500, 9000)],
                 "ambiente", "Autoridad Regional Ambiental", "Subgerencia de Gestión Ambiental"),
    "competitividad": ("competitividad", "Política Nacional de Competitividad y Productividad", 3, 4,
                       "Incrementar la competitividad de los agentes económicos del territorio",
                       ["Asistencia técnica a micro y pequeñas empresas",
                        "Formalización de unidades productivas",
                        "Articulación comercial de productores a mercados",
                        "Licencias de funcionamiento otorgadas en plazos oportunos"],
                       [("Porcentaje de micro y pequeñas empresas formalizadas", "percent", "ascending", 10, 40)],
                       "produce", "Dirección Regional de la Producción", "Gerencia de Desarrollo Económico Local"),
    "agraria": ("agraria", "Política Nacional Agraria 2021-2030", 3, 4,
                "Mejorar la productividad de los productores agrarios familiares",
                ["Asistencia técnica y extensión agraria a productores familiares",
                 "Infraestructura de riego tecnificado para pequeños productores",
                 "Sanidad agraria en cultivos y crianzas",
                 "Asociatividad de productores agrarios"],
                [("Valor bruto de la producción agraria por hectárea en soles", "number", "ascending", 3000, 12000)],
                "agricultura", "Dirección Regional de Agricultura", "Gerencia de Desarrollo Económico Local"),
    "transporte": ("transporte", "Política Nacional de Transporte Multimodal al 2030", 3, 9,
                   "Mejorar las condiciones de transitabilidad de la red vial",
                   ["Mantenimiento periódico y rutinario de caminos vecinales",
                    "Mejoramiento de la red vial departamental",
                    "Seguridad vial en las vías del territorio",
                    "Transporte público ordenado y formal"],
                   [("Porcentaje de la red vial en buen estado de conservación", "percent", "ascending", 15, 55)],
                   "transportes", "Dirección Regional de Transportes y Comunicaciones", "Gerencia de Infraestructura"),
    "genero": ("igualdad-genero", "Política Nacional de Igualdad de Género", 1, 3,
               "Reducir la violencia contra las mujeres y los integrantes del grupo familiar",
               ["Atención integral a víctimas de violencia familiar",
                "Prevención de la violencia de género en instituciones educativas",
                "Participación de las mujeres en espacios de toma de decisiones"],
               [("Porcentaje de mujeres que sufrieron violencia física o sexual por su pareja en los últimos 12 meses", "percent", "descending", 6, 15)],
               "mimp", "Gerencia Regional de Desarrollo Social", "Subgerencia de la Mujer y Poblaciones Vulnerables"),
    "inclusion": ("desarrollo-inclusion-social", "Política Nacional de Desarrollo e Inclusión Social", 1, 3,
                  "Mejorar la inclusión social de la población en situación de vulnerabilidad",
                  ["Programas alimentarios focalizados en la población vulnerable",
                   "Atención a personas adultas mayores y con discapacidad",
                   "Registro y afiliación de la población en pobreza"],
                  [("Porcentaje de la población en situación de pobreza monetaria", "percent", "descending", 10, 45)],
                  "midis", "Gerencia Regional de Desarrollo Social", "Subgerencia de Programas Sociales"),
    "cultura": ("cultura", "Política Nacional de Cultura al 2030", 1, 8,
                "Fortalecer la identidad cultural y la puesta en valor del patrimonio",
                ["Puesta en valor del patrimonio cultural material",
                 "Promoción de las expresiones artísticas y culturales locales",
                 "Servicios bibliotecarios y de lectura para la población"],
                [("Número de bienes del patrimonio cultural puestos en valor", "count", "ascending", 1, 20)],
                "cultura", "Dirección Desconcentrada de Cultura", "Subgerencia de Educación, Cultura y Deporte"),
    "turismo": ("turismo", "Política Nacional de Turismo al 2030", 3, 4,
                "Incrementar la actividad turística sostenible en el territorio",
                ["Servicios turísticos de calidad en los destinos",
                 "Promoción de los recursos turísticos del territorio",
                 "Infraestructura turística en los destinos priorizados"],
                [("Número de arribos de turistas nacionales y extranjeros", "count", "ascending", 2000, 90000)],
                "mincetur", "Dirección Regional de Comercio Exterior y Turismo", "Gerencia de Desarrollo Económico Local"),
    "empleo": ("empleo-decente", "Política Nacional de Empleo Decente", 3, 4,
               "Incrementar el empleo adecuado de la población económicamente activa",
               ["Capacitación laboral para jóvenes",
                "Intermediación laboral y certificación de competencias",
                "Fiscalización del cumplimiento de la normativa laboral"],
               [("Porcentaje de la población económicamente activa con empleo adecuado", "percent", "ascending", 25, 60)],
               "trabajo", "Dirección Regional de Trabajo y Promoción del Empleo", "Gerencia de Desarrollo Económico Local"),
}

# The other Políticas Nacionales (no theme of their own): slug, title, PEDN ON.
EXTRA_PNS = [("juventud", "Política Nacional de la Juventud", 1),
             ("integridad", "Política Nacional de Integridad y Lucha contra la Corrupción", 4),
             ("ordenamiento-territorial", "Política Nacional de Ordenamiento Territorial al 2050", 2),
             ("pesca", "Política Nacional de Pesca y Acuicultura", 3),
             ("mineria", "Política Nacional Multisectorial Minera", 3)]

# The 19 ministries: slug, name, themes of their PESEM.
MINISTRIES = [
    ("pcm", "Presidencia del Consejo de Ministros", ["gestion", "riesgo", "seguridad"]),
    ("agricultura", "Ministerio de Desarrollo Agrario y Riego", ["agraria", "agua", "ambiente"]),
    ("ambiente", "Ministerio del Ambiente", ["ambiente", "riesgo", "gestion"]),
    ("comercio", "Ministerio de Comercio Exterior y Turismo", ["turismo", "competitividad", "empleo"]),
    ("mincetur", "Ministerio de Comercio Exterior y Turismo (sector turismo)", ["turismo", "competitividad"]),
    ("cultura", "Ministerio de Cultura", ["cultura", "turismo", "inclusion"]),
    ("defensa", "Ministerio de Defensa", ["riesgo", "seguridad", "gestion"]),
    ("economia", "Ministerio de Economía y Finanzas", ["competitividad", "gestion", "empleo"]),
    ("educacion", "Ministerio de Educación", ["educacion", "cultura", "gestion"]),
    ("energia", "Ministerio de Energía y Minas", ["competitividad", "ambiente", "transporte"]),
    ("interior", "Ministerio del Interior", ["seguridad", "gestion", "riesgo"]),
    ("justicia", "Ministerio de Justicia y Derechos Humanos", ["seguridad", "genero", "gestion"]),
    ("mimp", "Ministerio de la Mujer y Poblaciones Vulnerables", ["genero", "inclusion", "seguridad"]),
    ("produce", "Ministerio de la Producción", ["competitividad", "empleo", "agraria"]),
    ("exteriores", "Ministerio de Relaciones Exteriores", ["gestion", "competitividad", "cultura"]),
    ("salud", "Ministerio de Salud", ["salud", "agua", "inclusion"]),
    ("trabajo", "Ministerio de Trabajo y Promoción del Empleo", ["empleo", "competitividad", "genero"]),
    ("transportes", "Ministerio de Transportes y Comunicaciones", ["transporte", "riesgo", "competitividad"]),
    ("vivienda", "Ministerio de Vivienda, Construcción y Saneamiento", ["vivienda", "agua", "riesgo"]),
    ("midis", "Ministerio de Desarrollo e Inclusión Social", ["inclusion", "salud", "educacion"]),
]
MINISTRIES = [m for m in MINISTRIES if m[0] != "mincetur"]  # 19 ministries
SECTOR_OF = {m[0]: m for m in MINISTRIES}
SECTOR_OF["mincetur"] = SECTOR_OF["comercio"]

OCAS = ["Defensoría del Pueblo", "Contraloría General de la República", "Jurado Nacional de Elecciones",
        "Oficina Nacional de Procesos Electorales", "Registro Nacional de Identificación y Estado Civil",
        "Banco Central de Reserva del Perú", "Superintendencia de Banca, Seguros y AFP",
        "Junta Nacional de Justicia", "Tribunal Constitucional", "Ministerio Público",
        "Poder Judicial", "Congreso de la República"]
OP_KINDS = ["Organismo Técnico Especializado", "Programa Nacional", "Organismo Público Ejecutor",
            "Proyecto Especial", "Organismo Regulador", "Superintendencia Nacional"]
SUFFIXES = ["en zonas rurales", "en zonas urbanas", "con enfoque intercultural", "con enfoque de género",
            "en las comunidades nativas y campesinas", "en los centros poblados priorizados",
            "de manera oportuna", "con participación ciudadana"]

ES_KEYS = {"kind": "tipo", "title": "titulo", "entity": "entidad", "period": "periodo",
           "status": "estado", "approval": "aprobacion", "technical_report": "informe_tecnico",
           "ceplan_report": "informe_ceplan", "published": "publicado", "participation": "participacion",
           "upper": "superior", "objectives": "objetivos", "activities": "actividades",
           "investments": "inversiones", "budget_ceiling": "techo_presupuestal", "waivers": "excepciones",
           "provenance": "procedencia", "notes": "notas", "name": "nombre", "type": "tipo",
           "level": "nivel", "territory": "ubigeo", "start": "inicio", "end": "fin",
           "instrument": "instrumento", "date": "fecha", "participants": "participantes",
           "code": "codigo", "statement": "enunciado", "priority": "prioridad",
           "responsible": "responsable", "traces_to": "articulacion", "indicators": "indicadores",
           "actions": "acciones", "ref": "referencia", "why": "explicacion_causal", "unit": "unidad",
           "direction": "sentido", "baseline": "linea_base", "targets": "logros", "source": "fuente",
           "method": "metodo", "ficha": "ficha", "year": "anio", "value": "valor",
           "justification": "justificacion", "action": "accion", "cost_center": "centro_de_costo",
           "physical": "metas_fisicas", "budget": "presupuesto", "gaps": "brechas",
           "indicator": "indicador", "contribution": "contribucion", "rule": "regla", "at": "en",
           "reason": "motivo", "until": "hasta"}

# --- seeded defects ------------------------------------------------------------------------

RATES = {
    "LOAD-01 malformed YAML": 0.001, "LOAD-02 wrong type or value": 0.002, "LOAD-03 Latin-1 file": 0.0003,
    "APR-01 no approval": 0.005, "APR-03 not published": 0.01, "APR-04 no participation": 0.02,
    "APR-05 no CEPLAN report": 0.01, "APR-02 short PEI": 0.002, "PRI-01 priority gap": 0.003,
    "ART-02 PEI under the PDRC": 0.003, "ART-03 foreign upper PDLC": 0.002, "ART-05 draft PDLC": 0.003,
    "ART-06 PDLC past the province's horizon": 0.005, "CAP-03 POI over its ceiling": 0.02,
    "REF-02 copy of a PEI": 0.0005, "REF-02 code written twice": 0.001, "REF-03 PDLCs tracing to each other": 0.002,
    "REF-04 PEI tracing to a PEI": 0.001, "REF-05 trace to a neighbour's PDLC": 0.003,
    "WAI-01 unused waiver": 0.002, "WAI-02 expired waiver": 0.002, "WAI-03 invalid waiver": 0.002,
    "REF-01 broken reference": 0.002, "ART-01 objective not articulated": 0.004,
    "ART-04 link without why": 0.02, "ART-08 AEI without PN": 0.01, "ART-09 OEI without PGG": 0.01,
    "ART-10 AEI under the wrong OEI": 0.002, "CAP-01 no responsible": 0.006, "IND-01 no indicator": 0.01,
    "IND-02 incomplete baseline": 0.01, "IND-03 baseline not before start": 0.002,
    "IND-04 stale baseline": 0.005, "IND-05 targets missing a year": 0.008,
    "IND-06 targets against direction": 0.004, "IND-07 first target against baseline": 0.005,
    "IND-08 value out of range": 0.002, "IND-09 no source or method": 0.01,
    "IND-10 ficha disagrees": 0.2, "CAP-02 AEI without activity": 0.02, "POI-01 activity without action": 0.003,
    "POI-03 budget without physical target": 0.005, "INV-01 investment without action": 0.01,
    "INV-02 investment without gap": 0.01, "INV-03 malformed CUI": 0.005,
}
FORCE_AT = 5  # plus 0-12 by the kind's place in RATES, so that forced defects spread over plans


class Defects:
    def __init__(self, seed):
        self.rng = random.Random(f"defects-{seed}")
        self.seen = {k: 0 for k in RATES}
        self.force_at = {k: FORCE_AT + 2 * (i % 7) for i, k in enumerate(RATES)}
        self.count = {k: 0 for k in RATES}

    def __call__(self, kind):
        self.seen[kind] += 1
        if self.rng.random() < RATES[kind] or (self.seen[kind] == self.force_at[kind] and self.count[kind] == 0):
            self.count[kind] += 1
            return True
        return False


# --- a small YAML writer -------------------------------------------------------------------

class Flow(dict):
    """A mapping written on one line: {a: 1, b: 2}."""


class FlowList(list):
    """A list written on one line: [a, b]."""


class Raw(str):
    """Written exactly as it is (dates, deliberate defects)."""


UNSAFE = re.compile(r"[#{}\[\],&*!|>'\"%@`\t\n]|:(?!//)")
RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "~", "nd"}


def scalar(v):
    if v is None:
        return "null"
    if isinstance(v, Raw):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return f"{v:.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{v:.1f}"
    return text(v)


@functools.lru_cache(maxsize=1 << 16)
def text(s):
    """Plain when YAML reads it back as the same text, else double-quoted."""
    first = s[:1]
    if (first.isalpha() or first in "(¿¡") and not s.endswith(" ") and s.lower() not in RESERVED \
            and not UNSAFE.search(s):
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(v):
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    return scalar(v)


def emit(out, node, indent, keys):
    """Writes a block mapping (dict) at `indent`; keys translated through `keys`."""
    pad = " " * indent
    for k, v in node.items():
        key = keys.get(k, k) if isinstance(k, str) else k
        if isinstance(v, (Flow, FlowList)) or not isinstance(v, (dict, list)) or not v:
            if isinstance(v, dict) and not isinstance(v, Flow):
                v = Flow(v)
            out.append(f"{pad}{key}: {flow(tr(v, keys))}\n")
        elif isinstance(v, dict):
            out.append(f"{pad}{key}:\n")
            emit(out, v, indent + 2, keys)
        else:
            out.append(f"{pad}{key}:\n")
            for item in v:
                if isinstance(item, Flow) or not isinstance(item, dict):
                    out.append(f"{pad}  - {flow(tr(item, keys))}\n")
                else:
                    sub = []
                    emit(sub, item, indent + 4, keys)
                    sub[0] = f"{pad}  - " + sub[0].lstrip(" ")
                    out.extend(sub)


def tr(v, keys):
    """Translates the keys of a flow value."""
    if not keys:
        return v
    if isinstance(v, dict):
        return {keys.get(k, k) if isinstance(k, str) else k: tr(x, keys) for k, x in v.items()}
    if isinstance(v, list):
        return [tr(x, keys) for x in v]
    return v


# --- the generator -------------------------------------------------------------------------

class Generator:
    def __init__(self, scale, seed, out):
        self.scale, self.seed, self.out = scale, seed, out
        self.rng = random.Random(f"content-{seed}")
        self.defect = Defects(seed)
        self.files = []          # (relative path, text)
        self.kinds = {}
        self.elements = {}       # plan id -> {code: element} of objectives and actions
        self.cui = 2_400_000
        self.compact = False    # indicators on one line each, as municipal transcriptions often are

    # helpers
    def name(self):
        r = self.rng
        word = "".join(r.choice(SYLLABLES) for _ in range(r.choice((2, 2, 3))))
        word = word.capitalize()
        return r.choice(["", "", "", "San ", "Santa ", "Nuevo "]) + word if word[-1] in "aeiou" else word

    def ref(self, plan_id, code):
        if self.defect("REF-01 broken reference"):
            if self.rng.random() < 0.7:
                code = code[:-1] + str((int(code[-1]) + 1) % 10 if code[-1].isdigit() else 9) + "7"
            else:
                plan_id = plan_id.replace("-20", "-2O", 1) if "-20" in plan_id else plan_id + "x"
        return f"{plan_id}/{code}"

    def link(self, plan_id, code, why, pei=False):
        r = self.ref(plan_id, code)
        if pei and self.defect("ART-04 link without why"):
            return r
        return Flow(ref=r, why=why)

    def indicator(self, spec, start, end, years, code=None, resp=None, pei=False):
        r, d = self.rng, self.defect
        name, unit, direction, lo, hi = spec
        base = r.uniform(lo, hi)
        integral = unit in ("count", "number") and hi > 50
        step = (hi - lo) * r.uniform(0.01, 0.04) * (1 if direction == "ascending" else -1)
        byear = start - r.choice((1, 1, 2, 3))

        def val(x):
            if unit == "percent":
                x = min(max(x, 0.0), 100.0)
            x = max(x, 0)
            return int(round(x)) if integral else round(x, 2 if unit == "index" else 1)
        targets = {y: val(base + step * (y - byear)) for y in years}
        bval = val(base)
        ind = {}
        if code:
            ind["code"] = code
        ind["name"] = name
        ind["unit"] = unit
        ind["direction"] = direction
        if d("IND-02 incomplete baseline"):
            ind["baseline"] = Flow(year=byear, value=None)
        else:
            if d("IND-03 baseline not before start"):
                byear = start
            elif d("IND-04 stale baseline"):
                byear = start - r.choice((5, 6, 8))
            ind["baseline"] = Flow(year=byear, value=bval)
        if d("IND-06 targets against direction") and len(targets) > 2:
            ys = sorted(targets)
            targets[ys[-1]], targets[ys[-2]] = targets[ys[-2]], targets[ys[-1]]
            if targets[ys[-1]] == targets[ys[-2]]:
                targets[ys[-1]] = val(targets[ys[-2]] - step * 3)
        elif d("IND-07 first target against baseline"):
            y0 = min(targets)
            targets[y0] = val(bval - step * 2) if val(bval - step * 2) != bval else bval - 1
        if d("IND-08 value out of range"):
            y = max(targets)
            targets[y] = 104.5 if unit == "percent" else -3
        if pei and d("IND-05 targets missing a year"):
            del targets[sorted(targets)[1 if len(targets) > 1 else 0]]
        ind["targets"] = Flow(targets)
        ind["responsible"] = resp
        if d("IND-09 no source or method"):
            pass
        else:
            ind["source"] = r.choice(["INEI – Encuesta Nacional de Hogares (ENAHO)", "INEI – ENDES",
                                      "Registro administrativo de la entidad", "Sistema de información sectorial",
                                      "INEI – Encuesta Nacional de Programas Presupuestales (ENAPRES)"])
            ind["method"] = "(N / D) × 100" if unit == "percent" else "Conteo al cierre del año" if unit == "count" else "Según ficha técnica"
        if pei and r.random() < 0.03:
            fic = {"baseline": Flow(ind.get("baseline") or {}), "targets": Flow(targets), "direction": direction,
                   "method": ind.get("method", "Según ficha técnica"),
                   "justification": "El indicador mide el resultado que persigue el objetivo en la población."}
            if d("IND-10 ficha disagrees"):
                y = max(targets)
                fic["targets"] = Flow({**targets, y: val(targets[y] + abs(step) * 3 + 1)})
            if not fic["baseline"]:
                del fic["baseline"]
            ind["ficha"] = fic
        return Flow(ind) if self.compact else ind

    def element_indicators(self, specs, start, end, years, resp, code_prefix, pei, n):
        if self.defect("IND-01 no indicator"):
            return []
        out = []
        for i, spec in enumerate(specs[:n]):
            code = f"IND.{code_prefix}.{i + 1:02d}" if pei else None
            out.append(self.indicator(spec, start, end, years, code=code, resp=resp, pei=pei))
        return out

    def action_spec(self, statement, theme):
        unit, direction, lo, hi = self.rng.choice([("percent", "ascending", 10, 70), ("count", "ascending", 2, 400),
                                                   ("percent", "ascending", 20, 80)])
        what = statement[0].lower() + statement[1:]
        label = "Porcentaje de avance en" if unit == "percent" else "Número de beneficiarios de"
        return (f"{label} {what}", unit, direction, lo, hi)

    def header(self, pid, kind, title, entity, start, end, upper, approved_on, authority, published_slug,
               concerted=False, status="approved", version="new"):
        d, r = self.defect, self.rng
        h = {"id": pid, "kind": kind, "title": title, "entity": entity,
             "period": Flow(start=start, end=end), "version": version, "status": status}
        if status == "approved" and not d("APR-01 no approval"):
            h["approval"] = Flow(instrument=f"{authority} N° {r.randint(1, 999):03d}-{approved_on[:4]}", date=Raw(approved_on))
        if kind in ("pei", "pdrc", "pdlc"):
            h["technical_report"] = f"Informe Técnico N° {r.randint(1, 300):03d}-{approved_on[:4]}-OPP"
            if not d("APR-05 no CEPLAN report"):
                h["ceplan_report"] = f"Informe Técnico N° {r.randint(1, 900):03d}-{approved_on[:4]}-CEPLAN/DNCP"
        if not d("APR-03 not published"):
            h["published"] = f"https://www.gob.pe/institucion/{published_slug}/informes-publicaciones/{pid}"
        if upper:
            h["upper"] = FlowList(upper)
        if concerted and not d("APR-04 no participation"):
            y = int(approved_on[:4])
            h["participation"] = [Flow(kind=k, date=Raw(f"{y}-{m:02d}-{r.randint(1, 28):02d}"), participants=r.randint(25, 180))
                                  for k, m in (("taller", 3), ("taller", 5), ("foro", 8))]
        h["provenance"] = "synthetic"
        return h

    def waivers(self, plan, codes):
        w = []
        if self.defect("WAI-01 unused waiver"):
            w.append({"rule": "IND-03", "at": codes[0], "reason": "Línea base en revisión por la oficina de planeamiento.",
                      "until": Raw("2030-12-31")})
        if self.defect("WAI-02 expired waiver"):
            w.append({"rule": "APR-03", "reason": "Publicación pendiente en el Portal de Transparencia.",
                      "until": Raw("2023-06-30")})
        if self.defect("WAI-03 invalid waiver"):
            w.append({"rule": "IND-99", "reason": "Indicador observado por CEPLAN.", "until": Raw("2029-12-31")})
        if w:
            plan["waivers"] = w

    # plans of objectives ----------------------------------------------------------------
    def objectives(self, pid, kind, themes, start, end, years, ocode, acode, n_actions, resp_of, traces_of,
                   action_traces_of=None, n_ind=(1, 2), pei=False):
        """Objectives (and their actions) of one plan; records their codes in self.elements."""
        r, d = self.rng, self.defect
        objs, codes = [], {}
        oprio = list(range(1, len(themes) + 1))
        r.shuffle(oprio)
        if pei and d("PRI-01 priority gap"):
            oprio[oprio.index(max(oprio))] += 1
        for i, theme in enumerate(themes, start=1):
            t = THEMES[theme]
            nn = f"{i:02d}" if pei or kind in ("pdlc", "pesem") else str(i)
            code = f"{ocode}.{nn}"
            o = {"code": code, "statement": t[4] + (" " + r.choice(SUFFIXES) if r.random() < 0.3 else "")}
            if pei:
                o["priority"] = oprio[i - 1]
            resp = resp_of(theme)
            if not (pei and d("CAP-01 no responsible")):
                o["responsible"] = resp
            traces = [] if d("ART-01 objective not articulated") else traces_of(theme, i)
            if pei and not d("ART-09 OEI without PGG"):
                traces.append(self.ref("pgg-2023-2026", f"LIN.{t[3]}.{r.randint(1, 5)}"))
            if traces:
                o["traces_to"] = traces
            o["indicators"] = self.element_indicators(t[6], start, end, years, resp, code, pei, r.randint(*n_ind))
            acts = []
            stmts = list(t[5])
            r.shuffle(stmts)
            na = n_actions()
            for j in range(1, na + 1):
                st = stmts[(j - 1) % len(stmts)]
                if j > len(stmts):
                    st += " " + SUFFIXES[(j + i) % len(SUFFIXES)]
                an = nn
                if pei and d("ART-10 AEI under the wrong OEI"):
                    an = f"{(i % len(themes)) + 1:02d}"
                acode_s = f"{acode}.{an}.{j:02d}" if pei or kind in ("pdlc", "pesem") else f"{acode}.{nn}.{j}"
                if d("REF-02 code written twice") and acts:
                    acode_s = acts[-1]["code"]
                a = {"code": acode_s, "statement": st}
                if pei:
                    a["priority"] = j
                if not (pei and d("CAP-01 no responsible")):
                    a["responsible"] = resp
                at = action_traces_of(theme, i, j) if action_traces_of else []
                if at:
                    a["traces_to"] = FlowList(at) if all(isinstance(x, str) for x in at) else at
                a["indicators"] = self.element_indicators([self.action_spec(st, theme)], start, end, years, resp,
                                                          acode_s, pei, 1)
                acts.append(a)
                codes[acode_s] = theme
            if acts:
                o["actions"] = acts
            objs.append(o)
            codes[code] = theme
        self.elements[pid] = codes
        return objs

    def upper_codes(self, pid, theme):
        """Codes of an upper plan's objective (and actions) of a theme, or of any objective."""
        codes = self.elements[pid]
        same = [c for c, t in codes.items() if t == theme]
        return same or list(codes)

    def pick_upper(self, pid, theme):
        codes = self.upper_codes(pid, theme)
        return self.rng.choice(codes)

    def write(self, rel, kind, plan_header, body, comment, spanish=False):
        doc = {"plan": plan_header}
        doc.update(body)
        keys = ES_KEYS if spanish else {}
        out = [f"# {comment}\n# Synthetic plan generated by benches/national.py (seed {self.seed}); not real data.\n"]
        emit(out, doc, 0, keys)
        text = "".join(out)
        d = self.defect
        encoding = "utf-8"
        # files that break are POIs (nothing refers to them) and, for schema errors, PEIs: a
        # broken Política Nacional would turn every reference to it into a REF-01
        if kind == "poi" and d("LOAD-01 malformed YAML"):
            text = self.malform(text)
        elif kind in ("pei", "poi") and d("LOAD-02 wrong type or value"):
            text = self.mistype(text, spanish)
        elif kind == "poi" and d("LOAD-03 Latin-1 file"):
            encoding = "latin-1"
        self.files.append((rel, text, encoding))
        self.kinds[kind] = self.kinds.get(kind, 0) + 1

    def malform(self, text):
        lines = text.split("\n")
        which = self.defect.count["LOAD-01 malformed YAML"] % 3
        for i, line in enumerate(lines):
            if which == 0 and line.startswith("    ") and i > 12:
                lines[i] = "\t" + line[4:]
                break
            if which == 1 and ": " in line and i > 12 and '"' not in line and "{" not in line:
                k, v = line.split(": ", 1)
                lines[i] = f'{k}: "{v}'
                break
            if which == 2 and line.lstrip().startswith(("upper:", "superior:")):
                lines[i] = line.rstrip("]")
                break
        return "\n".join(lines)

    def mistype(self, text, spanish):
        """One schema violation, of the kind after the previous one's that fits the file."""
        def territory(t):
            k = "ubigeo" if spanish else "territory"
            i = t.find(f'{k}: "')
            if i < 0:
                return t
            j = t.index('"', i + len(k) + 3)
            return t[:i] + f"{k}: " + t[i + len(k) + 3:j] + t[j + 1:]

        def period(t):
            for k, s, e in (("period", "start", "end"), ("periodo", "inicio", "fin")):
                i = t.find(f"{k}: {{{s}: ")
                if i >= 0:
                    j = t.index("}", i)
                    return t[:i] + f"{k}: " + t[i + len(k) + len(s) + 5:t.index(",", i)] + t[j + 1:]
            return t

        def misspelt(t):
            for k in ("indicators:", "indicadores:", "cost_center:", "centro_de_costo:"):
                if k in t:
                    return t.replace(k, k[:-3] + k[-2:], 1)
            return t

        def quoted_number(t):
            for k in ("value: ", "valor: ", "contribution: ", "contribucion: "):
                i = t.find(k)
                if i >= 0:
                    j = min(x for x in (t.find("}", i), t.find(",", i)) if x >= 0)
                    return t[:i] + f'{k}"' + t[i + len(k):j] + '"' + t[j:]
            return t

        def unit(t):
            for k in ("unit: percent", "unidad: percent"):
                if k in t:
                    return t.replace(k, k.split(":")[0] + ": km", 1)
            return t.replace("version: new", "version: 2", 1)
        variants = [territory, period, misspelt, quoted_number, unit]
        n = self.defect.count["LOAD-02 wrong type or value"]
        for k in range(len(variants)):
            changed = variants[(n + k) % len(variants)](text)
            if changed != text:
                return changed
        return text

    # the national layer -----------------------------------------------------------------
    def national(self):
        r = self.rng
        # PEDN
        objs = []
        codes = {}
        for code, st, n in PEDN_ON:
            acts = [{"code": f"OE{code[2:]}.{j}",
                     "statement": f"Objetivo específico {code[2:]}.{j} del {code}"} for j in range(1, n + 1)]
            objs.append({"code": code, "statement": st, "actions": acts})
            codes[code] = code
            codes.update({a["code"]: code for a in acts})
        self.elements["pedn-2050"] = codes
        h = self.header("pedn-2050", "pedn", "Plan Estratégico de Desarrollo Nacional al 2050",
                        {"name": "Centro Nacional de Planeamiento Estratégico (CEPLAN)", "type": "other", "level": "national"},
                        2022, 2050, [], "2022-07-28", "Decreto Supremo", "ceplan")
        self.write("national/pedn-2050.yaml", "pedn", h, {"objectives": objs}, "PEDN al 2050")
        # PGG
        objs = [{"code": f"EJE.{e}", "statement": st,
                 "actions": [Flow(code=f"LIN.{e}.{j}", statement=f"Lineamiento {e}.{j} del eje {st.lower()}") for j in range(1, 6)]}
                for e, st in enumerate(PGG_EJES, start=1)]
        self.elements["pgg-2023-2026"] = {}
        h = self.header("pgg-2023-2026", "pgg", "Política General de Gobierno para el periodo 2023-2026",
                        {"name": "Presidencia del Consejo de Ministros", "type": "ministry", "level": "national"},
                        2023, 2026, ["pedn-2050"], "2023-03-25", "Decreto Supremo", "pcm")
        self.write("national/pgg-2023-2026.yaml", "pgg", h, {"objectives": objs}, "Política General de Gobierno 2023-2026")
        # Políticas Nacionales
        self.pn = {}
        pns = sorted({(t[0], t[1], t[2]) for t in THEMES.values()}) + EXTRA_PNS
        for slug, title, on in pns:
            pid = f"pn-{slug}-2030"
            self.pn[slug] = pid
            objs, codes = [], {}
            for k in range(1, r.randint(4, 7)):
                o = {"code": f"OP{k}", "statement": f"Objetivo prioritario {k} de la {title}",
                     "traces_to": FlowList([f"pedn-2050/ON{on}"])}
                o["actions"] = [Flow(code=f"L{k}.{j}", statement=f"Lineamiento {k}.{j} de la {title}")
                                for j in range(1, r.randint(3, 7))]
                codes[o["code"]] = slug
                codes.update({a["code"]: slug for a in o["actions"]})
                objs.append(o)
            self.elements[pid] = codes
            y = r.randint(2020, 2023)
            h = self.header(pid, "pn", title, {"name": "Presidencia del Consejo de Ministros", "type": "ministry", "level": "national"},
                            y, 2030, ["pedn-2050"], f"{y}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", "Decreto Supremo", "pcm")
            self.write(f"national/pn/{pid}.yaml", "pn", h, {"objectives": objs}, title)
        # ministries
        self.pesem = {}
        for slug, name, themes in MINISTRIES:
            pid = f"pesem-{slug}-2024-2030"
            self.pesem[slug] = pid
            ent = {"name": name, "type": "ministry", "level": "national", "pliego": f"{MINISTRIES.index((slug, name, themes)) + 1:03d}"}
            th = themes + [t for t in sorted(THEMES) if t not in themes and r.random() < 0.25]
            objs = self.objectives(pid, "pesem", th, 2024, 2030, [2026, 2028, 2030], "OES", "AES",
                                   lambda: r.randint(3, 5), lambda t: "Oficina General de Planeamiento y Presupuesto",
                                   self.national_traces, self.pn_action_traces, n_ind=(1, 2))
            h = self.header(pid, "pesem", f"Plan Estratégico Sectorial Multianual 2024-2030 del Sector {name.split(' de ')[-1]}",
                            ent, 2024, 2030, ["pedn-2050"], f"2023-{r.randint(6, 12):02d}-{r.randint(1, 28):02d}",
                            "Resolución Ministerial", slug)
            self.write(f"national/sectors/{slug}/pesem-2024-2030.yaml", "pesem", h, {"objectives": objs}, h["title"])
            self.institution(f"national/sectors/{slug}", slug, name, ent, th, [pid], pid, (8, 12), (4, 8))

        n_inst = max(3, round(150 * self.scale))
        for k in range(n_inst):
            sector = MINISTRIES[k % len(MINISTRIES)]
            if k % 12 == 5 and k // 12 < len(OCAS):
                name, etype, upper, slug = OCAS[k // 12], "oca", ["pedn-2050"], f"oca-{k:03d}"
            elif k % 3 == 1:
                name, etype, upper, slug = f"Universidad Nacional {self.name()}", "university", ["pedn-2050"], f"un-{k:03d}"
            else:
                kind = OP_KINDS[k % len(OP_KINDS)]
                name = f"{kind} {self.name()} del Sector {sector[1].split(' de ')[-1].split(' del ')[-1]}"
                etype, upper, slug = "other", [self.pesem[sector[0]]], f"op-{k:03d}"
            ent = {"name": name, "type": etype, "level": "national", "pliego": f"{100 + k:03d}"}
            th = list(sector[2]) + ["gestion"] if "gestion" not in sector[2] else list(sector[2])
            if etype == "university":
                th = ["educacion", "gestion", "competitividad", "ambiente"]
            self.institution(f"national/institutions/{slug}", slug, name, ent, th, upper, upper[0], (6, 9), (3, 6))

    def national_traces(self, theme, i):
        t = THEMES[theme]
        pn = self.pn[t[0]]
        return [self.ref("pedn-2050", f"ON{t[2]}"), self.ref(pn, self.pick_upper(pn, t[0]))]

    def pn_action_traces(self, theme, i, j):
        t = THEMES[theme]
        pn = self.pn[t[0]]
        codes = [c for c in self.elements[pn] if c.startswith("L")]
        return [self.ref(pn, self.rng.choice(codes))]

    # one institution's PEI and POI ------------------------------------------------------
    def institution(self, folder, slug, name, entity, themes, upper, articulated_with, n_oei, n_aei,
                    spanish=False, municipal=False, pei_upper_alt=None, neighbour=None, lower_peer=None):
        r, d = self.rng, self.defect
        start, end = 2025, 2027
        if d("APR-02 short PEI"):
            end = 2026
        years = list(range(start, end + 1))
        pid = f"pei-{slug}-{start}-{end}"
        oei = r.randint(*n_oei)
        th = list(themes)
        r.shuffle(th)
        extra = [t for t in sorted(THEMES) if t not in th]
        r.shuffle(extra)
        th = (th + extra)[:max(oei, len(themes))]
        upper_plan = articulated_with
        if pei_upper_alt and d("ART-02 PEI under the PDRC"):
            upper = [pei_upper_alt]
            upper_plan = pei_upper_alt
        resp_unit = (lambda t: THEMES[t][9]) if municipal else (lambda t: THEMES[t][8]) \
            if entity["type"] == "regional-government" else (lambda t: "Oficina de Planeamiento y Presupuesto")

        def traces(theme, i):
            out = []
            if upper_plan != "pedn-2050":
                code = self.pick_upper(upper_plan, theme)
                out.append(self.link(upper_plan, code, f"El {code} se logra en parte mediante el objetivo institucional, "
                                     f"que actúa sobre la misma población y el mismo territorio.", pei=True))
            else:
                out.append(self.ref("pedn-2050", f"ON{THEMES[theme][2]}"))
            if neighbour and i == 1 and d("REF-05 trace to a neighbour's PDLC"):
                out.append(self.link(neighbour, self.pick_upper(neighbour, theme), "Coordinación con el distrito vecino.", pei=True))
            if lower_peer and i == 1 and d("REF-04 PEI tracing to a PEI"):
                out.append(self.ref(lower_peer, self.rng.choice(list(self.elements[lower_peer]))))
            return out

        def action_traces(theme, i, j):
            if d("ART-08 AEI without PN"):
                return []
            return self.pn_action_traces(theme, i, j)

        self.compact = municipal
        objs = self.objectives(pid, "pei", th, start, end, years, "OEI", "AEI", lambda: r.randint(*n_aei),
                               resp_unit, traces, action_traces, n_ind=(1, 2), pei=True)
        self.compact = False
        approved = f"{start - 1}-{r.randint(9, 12):02d}-{r.randint(1, 28):02d}"
        authority = {"municipality": "Resolución de Alcaldía", "regional-government": "Resolución Ejecutiva Regional",
                     "ministry": "Resolución Ministerial"}.get(entity["type"], "Resolución de Titular del Pliego")
        h = self.header(pid, "pei", f"Plan Estratégico Institucional {start}-{end} de {name}", entity,
                        start, end, upper, approved, authority, slug)
        body = {"objectives": objs}
        self.waivers(body, [o["code"] for o in objs])
        self.write(f"{folder}/pei-{start}-{end}.yaml", "pei", h, body, h["title"], spanish)
        if d("REF-02 copy of a PEI"):
            rel, text, enc = self.files[-1]
            self.files.append((rel.replace(".yaml", "-copia.yaml"), text, enc))
            self.kinds["pei"] += 1
        self.poi(folder, slug, name, entity, pid, objs, start, 2027, authority, spanish, municipal)
        return pid

    def poi(self, folder, slug, name, entity, pei_id, objs, start, end, authority, spanish, municipal):
        r, d = self.rng, self.defect
        years = list(range(start, end + 1))
        acts, invs, totals = [], [], {y: 0 for y in years}
        seq = 0
        pliego = entity["pliego"]
        for o in objs:
            for a in o.get("actions", []):
                if d("CAP-02 AEI without activity"):
                    continue
                for _ in range(r.choice((1, 1, 2) if municipal else (1, 1, 2, 2, 3))):
                    seq += 1
                    base = r.randint(20, 900) * 1000
                    act = {"code": f"AOI{int(pliego) % 1000:03d}{seq:08d}", "name": a["statement"]}
                    if not d("POI-01 activity without action"):
                        act["action"] = f"{pei_id}/{a['code']}"
                    act["cost_center"] = f"CC-{slug[:12].upper()}-{seq:02d}"
                    act["unit"] = r.choice(["persona atendida", "informe", "intervención", "acción", "familia atendida"])
                    phys = {y: r.randint(5, 400) for y in years}
                    bud = {y: base + 10000 * k for k, y in enumerate(years)}
                    if d("POI-03 budget without physical target"):
                        del phys[years[-1]]
                    act["physical"] = Flow(phys)
                    act["budget"] = Flow(bud)
                    acts.append(act)
                    for y in years:
                        totals[y] += bud[y]
                if r.random() < 0.05:
                    self.cui += r.randint(1, 900)
                    cui = str(self.cui)
                    if d("INV-03 malformed CUI"):
                        cui = cui[:6]
                    inv = {"cui": cui, "type": r.choice(["PI", "PI", "IOARR"]),
                           "name": "Mejoramiento del servicio de " + a["statement"][0].lower() + a["statement"][1:]}
                    if not d("INV-01 investment without action"):
                        inv["action"] = f"{pei_id}/{a['code']}"
                    if not d("INV-02 investment without gap"):
                        inv["gaps"] = [Flow(type="coverage", indicator="Porcentaje de la población sin acceso al servicio",
                                            contribution=round(r.uniform(0.5, 6), 1))]
                    b = {years[0]: r.randint(3, 40) * 100000, years[1]: r.randint(3, 40) * 100000}
                    inv["budget"] = Flow(b)
                    invs.append(inv)
                    for y, v in b.items():
                        totals[y] += v
        ceiling = totals[years[0]] * r.uniform(1.01, 1.15)
        if d("CAP-03 POI over its ceiling"):
            ceiling = totals[years[0]] * 0.93
        pid = f"poi-{slug}-{start}-{end}"
        h = self.header(pid, "poi", f"Plan Operativo Institucional Multianual {start}-{end} de {name}", entity,
                        start, end, [pei_id], f"{start}-01-{r.randint(5, 30):02d}", authority, slug)
        body = {"budget_ceiling": Flow({years[0]: int(ceiling) // 1000 * 1000}), "activities": acts}
        if invs:
            body["investments"] = invs
        self.write(f"{folder}/poi-{start}-{end}.yaml", "poi", h, body, h["title"], spanish)

    # the regions --------------------------------------------------------------------------
    def regions(self):
        n = max(1, round(25 * self.scale))
        for k in range(n):
            self.region(DEPARTMENTS[k % 25], k // 25)

    def region(self, dep, rnd):
        r, d = self.rng, self.defect
        ubigeo, slug, name, n_prov, n_dist = dep
        if rnd:
            ubigeo, slug, name = f"{int(ubigeo) + 25 * rnd:02d}", f"{slug}-r{rnd + 1}", f"{name} {rnd + 1}"
        folder = f"regional/{slug}"
        pdrc = f"pdrc-{slug}-2030"
        ent = {"name": f"Gobierno Regional de {name}", "type": "regional-government", "level": "regional",
               "territory": ubigeo, "pliego": f"{440 + int(ubigeo) % 60:03d}"}
        themes = sorted(THEMES)
        r.shuffle(themes)
        themes = themes[:r.randint(8, 12)]
        objs = self.objectives(pdrc, "pdrc", themes, 2022, 2030, [2022, 2024, 2026, 2028, 2030], "OER", "AER",
                               lambda: r.randint(3, 6), lambda t: THEMES[t][8], self.national_traces,
                               n_ind=(1, 2))
        h = self.header(pdrc, "pdrc", f"Plan de Desarrollo Regional Concertado de {name} al 2030", ent, 2022, 2030,
                        ["pedn-2050"], f"2021-{r.randint(6, 12):02d}-{r.randint(1, 28):02d}", "Ordenanza Regional",
                        f"region{slug}", concerted=True)
        self.write(f"{folder}/pdrc-2030.yaml", "pdrc", h, {"objectives": objs}, h["title"])
        self.institution(folder, f"gore-{slug}", ent["name"], ent, themes, [pdrc], pdrc, (8, 12), (4, 8))

        # provinces and their districts: every province gets its capital, the rest unevenly
        weights = [r.lognormvariate(0, 0.6) for _ in range(n_prov)]
        counts = [1] * n_prov
        for _ in range(n_dist - n_prov):
            x = r.uniform(0, sum(weights))
            for p, w in enumerate(weights):
                x -= w
                if x <= 0:
                    break
            counts[p] += 1
        for p in range(n_prov):
            self.province(ubigeo, slug, name, p + 1, counts[p], pdrc, themes)

    def province(self, dep_ubigeo, dep_slug, dep_name, p, n_dist, pdrc, pdrc_themes):
        r, d = self.rng, self.defect
        ubigeo = f"{dep_ubigeo}{p:02d}"
        pname = self.name()
        slug = f"{dep_slug}-p{p:02d}"
        folder = f"local/{dep_slug}/p{p:02d}-{pname.lower().replace(' ', '-').replace('ñ', 'n')}"
        pdlc = f"pdlc-{slug}-2023-2030"
        spanish = r.random() < 1 / 6
        ent = {"name": f"Municipalidad Provincial de {pname}", "type": "municipality", "level": "provincial",
               "territory": ubigeo, "pliego": f"{300000 + int(ubigeo) * 10 + 1}"}
        themes = list(pdrc_themes)
        r.shuffle(themes)
        themes = themes[:r.randint(6, 9)]
        draft = d("ART-05 draft PDLC")

        def traces(theme, i):
            code = self.pick_upper(pdrc, theme)
            return [self.link(pdrc, code, f"Las acciones de la provincia contribuyen al {code} del departamento.")]
        objs = self.objectives(pdlc, "pdlc", themes, 2023, 2030, [2023, 2025, 2027, 2030], "OEL", "AEL",
                               lambda: r.randint(2, 4), lambda t: THEMES[t][9], traces, n_ind=(1, 2))
        h = self.header(pdlc, "pdlc", f"Plan de Desarrollo Local Concertado de la Provincia de {pname} 2023-2030",
                        ent, 2023, 2030, [pdrc], f"2022-{r.randint(6, 12):02d}-{r.randint(1, 28):02d}",
                        "Ordenanza Municipal", f"muni{slug}", concerted=True, status="draft" if draft else "approved")
        self.write(f"{folder}/pdlc-2023-2030.yaml", "pdlc", h, {"objectives": objs},
                   f"{h['title']} ({dep_name})", spanish)
        pei = self.institution(folder, f"mp-{slug}", ent["name"], ent, themes, [pdlc], pdlc, (7, 10), (3, 5),
                               spanish, municipal=True, pei_upper_alt=pdrc)
        # districts (the first is the capital, governed by the provincial municipality)
        dist = []
        for k in range(2, n_dist + 1):
            dist.append(self.district(ubigeo, slug, k, pdlc, themes, pname, dist[-1] if dist else None, pei, folder))
        if len(dist) >= 2 and d("REF-03 PDLCs tracing to each other"):
            self.cycle(dist[0], dist[1])

    def district(self, prov_ubigeo, prov_slug, k, prov_pdlc, prov_themes, pname, neighbour, prov_pei, prov_folder):
        r, d = self.rng, self.defect
        ubigeo = f"{prov_ubigeo}{k:02d}"
        dname = self.name()
        slug = f"{prov_slug}-d{k:02d}"
        pdlc = f"pdlc-{slug}-2024-2030"
        spanish = r.random() < 1 / 6
        upper = prov_pdlc
        if neighbour is None and d("ART-03 foreign upper PDLC") and self.foreign_pdlc:
            upper = self.foreign_pdlc
        end = 2032 if d("ART-06 PDLC past the province's horizon") else 2030
        ent = {"name": f"Municipalidad Distrital de {dname}", "type": "municipality", "level": "district",
               "territory": ubigeo, "pliego": f"{300000 + int(ubigeo[:4]) * 10 + k % 10}"}
        themes = list(prov_themes)
        r.shuffle(themes)
        themes = themes[:r.randint(4, 6)]

        def traces(theme, i):
            code = self.pick_upper(upper, theme)
            return [self.link(upper, code, f"El distrito contribuye al {code} de la provincia.")]
        objs = self.objectives(pdlc, "pdlc", themes, 2024, end, [2024, 2026, 2028, 2030], "OEL", "AEL",
                               lambda: r.randint(1, 3), lambda t: THEMES[t][9], traces, n_ind=(1, 1))
        h = self.header(pdlc, "pdlc", f"Plan de Desarrollo Local Concertado del Distrito de {dname} 2024-{end}",
                        ent, 2024, end, [upper], f"2023-{r.randint(6, 12):02d}-{r.randint(1, 28):02d}",
                        "Ordenanza Municipal", f"muni{slug}", concerted=True)
        folder = f"{prov_folder}/d{k:02d}-{dname.lower().replace(' ', '-').replace('ñ', 'n')}"
        self.write(f"{folder}/pdlc-2024-{end}.yaml", "pdlc", h, {"objectives": objs},
                   f"{h['title']} (provincia de {pname})", spanish)
        self.pending_cycle[pdlc] = len(self.files) - 1
        self.institution(folder, f"md-{slug}", ent["name"], ent, themes, [pdlc], pdlc, (6, 7), (3, 3), spanish,
                         municipal=True, neighbour=neighbour, lower_peer=prov_pei)
        self.foreign_pdlc = prov_pdlc
        return pdlc

    def cycle(self, a, b):
        """Makes the first objective of each of two district PDLCs trace to the other's."""
        for src, dst in ((a, b), (b, a)):
            i = self.pending_cycle[src]
            rel, text, enc = self.files[i]
            for key in ("    traces_to:\n", "    articulacion:\n"):
                pos = text.find(key)
                if pos >= 0:
                    break
            if pos < 0:
                continue
            pos += len(key)
            text = text[:pos] + f"      - {dst}/OEL.01\n" + text[pos:]
            self.files[i] = (rel, text, enc)

    def run(self):
        self.foreign_pdlc = None
        self.pending_cycle = {}
        self.national()
        self.regions()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out")
    ap.add_argument("--force", action="store_true", help="write the corpus again even if it exists")
    args = ap.parse_args()
    if not 0 < args.scale <= 3.9:
        sys.exit("--scale must be above 0 and at most 3.9 (ubigeos of departments stop at 99)")
    out = args.out or os.path.join(CORPUS, f"national-s{args.scale:g}-seed{args.seed}")
    params = {"generator": GENERATOR_VERSION, "scale": args.scale, "seed": args.seed}
    manifest = os.path.join(out, "MANIFEST.json")
    if os.path.isfile(manifest) and not args.force:
        with open(manifest, encoding="utf-8") as f:
            old = json.load(f)
        if old.get("parameters") == params:
            print(f"{out}: exists (same parameters), reused")
            summary(old)
            return
    started = time.perf_counter()
    g = Generator(args.scale, args.seed, out)
    g.run()
    tmp = out.rstrip("/") + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    size = 0
    for rel, text, enc in g.files:
        path = os.path.join(tmp, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode(enc, errors="replace")
        size += len(data)
        with open(path, "wb") as f:
            f.write(data)
    with open(os.path.join(tmp, "alinea.yaml"), "w", encoding="utf-8") as f:
        f.write("# A national-scale benchmark corpus made by benches/national.py: a repository of its own.\n"
                "# Every plan is synthetic; see MANIFEST.json for the seeded defects.\n")
    info = {"parameters": params, "files": len(g.files), "bytes": size, "plans": dict(sorted(g.kinds.items())),
            "defects": {k: v for k, v in sorted(g.defect.count.items())}}
    with open(os.path.join(tmp, "MANIFEST.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, indent=1, ensure_ascii=False)
        f.write("\n")
    shutil.rmtree(out, ignore_errors=True)
    os.rename(tmp, out)
    print(f"{out}: written in {time.perf_counter() - started:.1f} s")
    summary(info)


def summary(info):
    print(f"{info['files']} plan files, {info['bytes'] / 1e6:.1f} MB")
    print("plans by kind: " + ", ".join(f"{k} {v}" for k, v in info["plans"].items()))
    print("seeded defects:")
    for k, v in info["defects"].items():
        print(f"  {v:6d}  {k}")


if __name__ == "__main__":
    main()

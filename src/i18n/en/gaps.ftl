# Gaps: the holes in the chain that the browser's trace and `alinea graph` draw.

gap-not-articulated = not articulated
gap-not-national = reaches no PEDN objective or Política Nacional
gap-uncovered = no lower plan takes it up
gap-unfunded = nothing implements it
gap-no-action = implements no action

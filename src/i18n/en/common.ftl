# Words shared by every part of alinea.

did-you-mean = did you mean `{ $name }`?

{{/* refused by the JSON decoder: not-an-object */}}
["subject", "x"]

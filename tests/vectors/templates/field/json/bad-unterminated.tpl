{{/* refused by the JSON decoder: unterminated */}}
{
  "subject": "x"

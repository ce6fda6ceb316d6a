{{/* refused by the JSON decoder: syntax-trailing-comma */}}
{
  "subject": "x",
}

{{/* refused by the JSON decoder: sans-string */}}
{
  "sans": "dns"
}

{{/* refused by the JSON decoder: syntax-missing-comma */}}
{
  "subject": "x"
  "dnsNames": "y"
}

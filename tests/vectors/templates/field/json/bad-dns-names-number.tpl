{{/* refused by the JSON decoder: dns-names-number */}}
{
  "dnsNames": [1]
}

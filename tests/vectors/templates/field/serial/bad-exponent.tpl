{{/* serialNumber 1e3: refused */}}
{
  "subject": "serial exponent",
  "serialNumber": 1e3
}

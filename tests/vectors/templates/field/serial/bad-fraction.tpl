{{/* serialNumber 1.5: refused */}}
{
  "subject": "serial fraction",
  "serialNumber": 1.5
}

{{/* serialNumber true: refused */}}
{
  "subject": "serial bool",
  "serialNumber": true
}

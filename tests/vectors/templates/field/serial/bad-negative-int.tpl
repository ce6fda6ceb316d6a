{{/* serialNumber -1: refused */}}
{
  "subject": "serial negative-int",
  "serialNumber": -1
}

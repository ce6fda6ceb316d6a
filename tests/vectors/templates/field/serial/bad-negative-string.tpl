{{/* serialNumber "-0x10": refused */}}
{
  "subject": "serial negative-string",
  "serialNumber": "-0x10"
}

{{/* serialNumber "": refused */}}
{
  "subject": "serial empty-string",
  "serialNumber": ""
}

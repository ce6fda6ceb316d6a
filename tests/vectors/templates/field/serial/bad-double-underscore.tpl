{{/* serialNumber "1__0": refused */}}
{
  "subject": "serial double-underscore",
  "serialNumber": "1__0"
}

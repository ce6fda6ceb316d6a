{{/* serialNumber "abc": refused */}}
{
  "subject": "serial not-a-number",
  "serialNumber": "abc"
}

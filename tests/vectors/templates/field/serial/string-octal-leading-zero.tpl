{{/* serialNumber "0755": a leading 0 means octal */}}
{
  "subject": "serial string-octal-leading-zero",
  "serialNumber": "0755"
}

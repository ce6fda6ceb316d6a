{{/* serialNumber "0o755": 0o prefix */}}
{
  "subject": "serial string-octal-0o",
  "serialNumber": "0o755"
}

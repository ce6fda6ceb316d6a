{{/* serialNumber "0": the string 0 */}}
{
  "subject": "serial string-zero",
  "serialNumber": "0"
}

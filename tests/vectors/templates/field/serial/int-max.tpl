{{/* serialNumber 9223372036854775807: the largest int64 */}}
{
  "subject": "serial int-max",
  "serialNumber": 9223372036854775807
}

{{/* serialNumber "123456789012345678901234567890": a decimal string is not limited to int64 */}}
{
  "subject": "serial string-decimal",
  "serialNumber": "123456789012345678901234567890"
}

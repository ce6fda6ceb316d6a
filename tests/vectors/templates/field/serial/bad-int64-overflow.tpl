{{/* serialNumber 18446744073709551616: refused */}}
{
  "subject": "serial int64-overflow",
  "serialNumber": 18446744073709551616
}

{{/* ipAddresses as a string */}}
{
  "subject": "ip-addresses-string",
  "ipAddresses": "192.0.2.1"
}

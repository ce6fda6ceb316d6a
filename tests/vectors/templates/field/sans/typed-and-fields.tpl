{{/* dnsNames/ipAddresses and sans together: the fields first, then the sans, per type */}}
{
  "subject": "sans and fields",
  "dnsNames": ["field.acme.example"],
  "ipAddresses": ["192.0.2.10"],
  "sans": [
    {"type": "dns", "value": "typed.acme.example"},
    {"type": "ip", "value": "192.0.2.11"}
  ]
}

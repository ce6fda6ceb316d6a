{{/* Go's encoder refuses non-ASCII DNS names and emails (no IDNA on this path) */}}
{
  "subject": "email-addresses-non-ascii",
  "emailAddresses": "j\u00f6rg@acme.example"
}

{{/* emailAddresses list (no syntax check) */}}
{
  "subject": "email-addresses-list",
  "emailAddresses": ["a@acme.example", "B@Acme.Example", "no-at-sign"]
}

{{/* emailAddresses as a string */}}
{
  "subject": "email-addresses-string",
  "emailAddresses": "jdoe@acme.example"
}

{{/* extKeyUsage names are case-insensitive, underscores ignored; duplicates are kept */}}
{
  "subject": "extKeyUsage spelling",
  "extKeyUsage": ["SERVERAUTH", "client_auth", "Code_Signing", "ocspsigning", "serverAuth"]
}

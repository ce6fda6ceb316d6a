{{/* an extraName with a bool value: marshalled as a BOOLEAN, which Go's parser refuses */}}
{
  "subject": {"commonName": "x", "extraNames": [{"type": "2.5.4.12", "value": true}]}
}

{{/* .Subject: the CSR's standard attributes (extraNames always empty) */}}
{
  "subject": {
    "commonName": "data subject",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (.Subject.CommonName)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (toJson .Subject.Country)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (join "+" .Subject.Organization)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (toJson .Subject.OrganizationalUnit)) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (toJson .Subject.Locality)) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (toJson .Subject.Province)) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (toJson .Subject.StreetAddress)) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (toJson .Subject.PostalCode)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (.Subject.SerialNumber)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (toJson .Subject.ExtraNames)) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (toJson .Subject)) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (len .Subject.Organization)) }}}
    ]
  }
}

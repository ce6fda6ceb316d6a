{{/* --set-file (a JSON object) then --set, which overrides its keys */}}
{
  "subject": {
    "commonName": "set-file",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (.Insecure.User.team)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (.Insecure.User.count)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (typeOf .Insecure.User.count)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (toJson .Insecure.User.tags)) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (.Insecure.User.nested.k)) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (.Insecure.User.nested.n)) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (.Insecure.User.unicode)) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (.Insecure.User.override)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (.Insecure.User.added)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (toJson .Insecure.User)) }}}
    ]
  }
}

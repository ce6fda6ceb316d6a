{{/* no --set: .Insecure.User is an empty map; missing keys and the CA-only variables (.Token, .Webhooks ...) print <no value> (toString gives <nil>, toJson null), and so do fields of missing values (.Token.sub): no error */}}
{
  "subject": {
    "commonName": "missing",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (.Insecure.User.anything)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (toJson .Insecure.User.anything)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (toJson .Insecure.User)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (.Token)) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (toJson .Token)) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (.Token.sub)) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (toJson .Token.sub)) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (.Insecure.User.x.y.z)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (.AuthorizationCrt)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (.Webhooks)) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (hasKey .Insecure "User")) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (default "fallback" .Insecure.User.x)) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (printf "%v" .Insecure.User.x)) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (typeOf .Token)) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": "{{ .Insecure.User.anything }}"},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": "{{ .Token }}"},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": "{{ .Token.sub }}"},
      {"type": "1.3.6.1.4.1.55555.9.18", "value": "{{ .Insecure.User.x.y.z }}"},
      {"type": "1.3.6.1.4.1.55555.9.19", "value": "{{ print .Token }}"},
      {"type": "1.3.6.1.4.1.55555.9.20", "value": "{{ printf `%v` .Token }}"},
      {"type": "1.3.6.1.4.1.55555.9.21", "value": "{{ .Insecure.User }}"}
    ]
  }
}

{{/* .Insecure.User from --set key=value: the value is JSON when it parses (numbers are float64), else the raw string; a missing key prints <no value> and marshals as null */}}
{
  "subject": {
    "commonName": "user data",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (.Insecure.User.n)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (typeOf .Insecure.User.n)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (.Insecure.User.f)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (.Insecure.User.big)) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (toJson .Insecure.User.big)) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (.Insecure.User.b)) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (typeOf .Insecure.User.b)) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (.Insecure.User.s)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (.Insecure.User.q)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (toJson .Insecure.User.obj)) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (.Insecure.User.obj.a)) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (toJson .Insecure.User.arr)) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (typeOf .Insecure.User.nul)) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (.Insecure.User.empty)) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": {{ toJson (toString (typeOf .Insecure.User.empty)) }}},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": {{ toJson (toString (.Insecure.User.eq)) }}},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": {{ toJson (toString (.Insecure.User.sp)) }}},
      {"type": "1.3.6.1.4.1.55555.9.18", "value": {{ toJson (toString (.Insecure.User.unicode)) }}},
      {"type": "1.3.6.1.4.1.55555.9.19", "value": {{ toJson (toString (index .Insecure.User "a.b")) }}},
      {"type": "1.3.6.1.4.1.55555.9.20", "value": {{ toJson (toString (index .Insecure.User "")) }}},
      {"type": "1.3.6.1.4.1.55555.9.21", "value": {{ toJson (toString (.Insecure.User.dup)) }}},
      {"type": "1.3.6.1.4.1.55555.9.22", "value": {{ toJson (toString (.Insecure.User.missing)) }}},
      {"type": "1.3.6.1.4.1.55555.9.23", "value": {{ toJson (toString (toJson .Insecure.User.missing)) }}},
      {"type": "1.3.6.1.4.1.55555.9.24", "value": {{ toJson (toString (typeOf .Insecure.User.missing)) }}},
      {"type": "1.3.6.1.4.1.55555.9.25", "value": {{ toJson (toString (keys .Insecure.User | sortAlpha | join ",")) }}},
      {"type": "1.3.6.1.4.1.55555.9.26", "value": "{{ .Insecure.User.missing }}"},
      {"type": "1.3.6.1.4.1.55555.9.27", "value": "{{ .Insecure.User.nul }}"},
      {"type": "1.3.6.1.4.1.55555.9.28", "value": "{{ .Insecure.User.n }} {{ .Insecure.User.big }} {{ .Insecure.User.b }} {{ .Insecure.User.arr }}"}
    ]
  }
}

{{/* sprig default, empty, coalesce, ternary, all, any */}}
{
  "subject": {
    "commonName": "defaults",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (default "fallback" "")) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (default "fallback" "given")) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (default "fallback" .Insecure.User.missing)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (default 7 0)) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (default "d" false)) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (default "d" (list))) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (default "d" (dict))) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (empty "")) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (empty 0)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (empty (list))) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (empty (dict))) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (empty false)) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (empty "x")) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (empty .Insecure.User.missing)) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": {{ toJson (toString (coalesce "" .Insecure.User.missing "third" "fourth")) }}},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": {{ toJson (toString (coalesce 0 false "")) }}},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": {{ toJson (toString (ternary "yes" "no" true)) }}},
      {"type": "1.3.6.1.4.1.55555.9.18", "value": {{ toJson (toString (ternary "yes" "no" (eq 1 2))) }}},
      {"type": "1.3.6.1.4.1.55555.9.19", "value": {{ toJson (toString (all 1 "a" true)) }}},
      {"type": "1.3.6.1.4.1.55555.9.20", "value": {{ toJson (toString (all 1 "")) }}},
      {"type": "1.3.6.1.4.1.55555.9.21", "value": {{ toJson (toString (any 0 "" "x")) }}},
      {"type": "1.3.6.1.4.1.55555.9.22", "value": {{ toJson (toString (any 0 false)) }}},
      {"type": "1.3.6.1.4.1.55555.9.23", "value": {{ toJson (toString (.Insecure.User.missing)) }}}
    ]
  }
}

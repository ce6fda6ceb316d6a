{{/* sprig dict functions (dicts print and marshal with sorted keys) */}}
{{- $d := dict "b" 2 "a" "x" "c" (list 1 2) -}}
{{- $_ := set $d "e" "set-value" -}}
{{- $_ := unset $d "b" -}}
{
  "subject": {
    "commonName": "dicts",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (toJson $d)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (get $d "a")) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (get $d "missing")) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (hasKey $d "b")) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (hasKey $d "e")) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (keys $d | sortAlpha | join ",")) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (values (dict "x" "1" "y" "2") | sortAlpha | join ",")) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (pick $d "a" "c" | toJson)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (omit $d "a" | toJson)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (merge (dict "a" 1 "b" 1) (dict "b" 2 "c" 2) | toJson)) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (mergeOverwrite (dict "a" 1 "b" 1) (dict "b" 2 "c" 2) | toJson)) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (dig "x" "y" "default" (dict "x" (dict "y" "deep")))) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (dig "x" "nope" "fallback" (dict "x" (dict "y" "deep")))) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (pluck "k" (dict "k" "v1") (dict "k" "v2") (dict "z" 1) | join ",")) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": {{ toJson (toString (deepCopy $d | toJson)) }}},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": {{ toJson (toString (index $d "a")) }}},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": {{ toJson (toString ($d.a)) }}},
      {"type": "1.3.6.1.4.1.55555.9.18", "value": {{ toJson (toString (dict | toJson)) }}},
      {"type": "1.3.6.1.4.1.55555.9.19", "value": {{ toJson (toString ($d)) }}},
      {"type": "1.3.6.1.4.1.55555.9.20", "value": {{ toJson (toString (dict "z" 1 "a" 2 "m" (dict "y" 1 "b" 2) | toJson)) }}},
      {"type": "1.3.6.1.4.1.55555.9.21", "value": {{ toJson (toString (len $d)) }}}
    ]
  }
}

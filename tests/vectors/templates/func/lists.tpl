{{/* sprig list functions */}}
{
  "subject": {
    "commonName": "lists",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (list 1 "two" 3.5 true)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (first (list "a" "b" "c"))) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (last (list "a" "b" "c"))) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (rest (list 1 2 3))) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (initial (list 1 2 3))) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (append (list "a") "b" | join ",")) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (prepend (list "b") "a" | join ",")) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (concat (list 1) (list 2 3))) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (reverse (list 1 2 3))) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (uniq (list "a" "b" "a" "c" "b") | join ",")) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (without (list 1 2 3 2) 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (has "b" (list "a" "b"))) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (has 3 (list 1 2))) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (compact (list "a" "" "b" 0 nil))) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": {{ toJson (toString (slice (list 1 2 3 4) 1 3)) }}},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": {{ toJson (toString (slice (list 1 2 3 4) 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": {{ toJson (toString (index (list "x" "y" "z") 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.18", "value": {{ toJson (toString (len (list 1 2 3))) }}},
      {"type": "1.3.6.1.4.1.55555.9.19", "value": {{ toJson (toString (until 5)) }}},
      {"type": "1.3.6.1.4.1.55555.9.20", "value": {{ toJson (toString (untilStep 0 10 3)) }}},
      {"type": "1.3.6.1.4.1.55555.9.21", "value": {{ toJson (toString (seq 5)) }}},
      {"type": "1.3.6.1.4.1.55555.9.22", "value": {{ toJson (toString (seq 2 5)) }}},
      {"type": "1.3.6.1.4.1.55555.9.23", "value": {{ toJson (toString (seq 10 -3 1)) }}},
      {"type": "1.3.6.1.4.1.55555.9.24", "value": {{ toJson (toString (chunk 2 (list 1 2 3 4 5))) }}},
      {"type": "1.3.6.1.4.1.55555.9.25", "value": {{ toJson (toString (len .SANs)) }}},
      {"type": "1.3.6.1.4.1.55555.9.26", "value": {{ toJson (toString (first .SANs | toJson)) }}}
    ]
  }
}

{{/* sprig integer and float math (integers are int64, via cast) */}}
{
  "subject": {
    "commonName": "math",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (add 1 2 3)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (add1 41)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (sub 10 3)) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (mul 6 7 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (div 7 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (div -7 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (mod 17 5)) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (mod -7 3)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (max 3 9 4)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (min 3 9 4)) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (biggest 1 5 3)) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (add "5" 1)) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (add 1.9 1)) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (floor 3.7)) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": {{ toJson (toString (ceil 3.2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": {{ toJson (toString (round 2.555 2)) }}},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": {{ toJson (toString (addf 1.5 2.25)) }}},
      {"type": "1.3.6.1.4.1.55555.9.18", "value": {{ toJson (toString (subf 5 1.25)) }}},
      {"type": "1.3.6.1.4.1.55555.9.19", "value": {{ toJson (toString (mulf 1.5 3)) }}},
      {"type": "1.3.6.1.4.1.55555.9.20", "value": {{ toJson (toString (divf 1 3)) }}},
      {"type": "1.3.6.1.4.1.55555.9.21", "value": {{ toJson (toString (maxf 1.5 2 0.5)) }}},
      {"type": "1.3.6.1.4.1.55555.9.22", "value": {{ toJson (toString (minf 1.5 2 0.5)) }}},
      {"type": "1.3.6.1.4.1.55555.9.23", "value": {{ toJson (toString (int64 "42")) }}},
      {"type": "1.3.6.1.4.1.55555.9.24", "value": {{ toJson (toString (float64 "2.5")) }}},
      {"type": "1.3.6.1.4.1.55555.9.25", "value": {{ toJson (toString (int 3.9)) }}},
      {"type": "1.3.6.1.4.1.55555.9.26", "value": {{ toJson (toString (add .MaxPathLen 10)) }}},
      {"type": "1.3.6.1.4.1.55555.9.27", "value": {{ toJson (toString (until 3)) }}},
      {"type": "1.3.6.1.4.1.55555.9.28", "value": {{ toJson (toString (seq 3)) }}}
    ]
  }
}

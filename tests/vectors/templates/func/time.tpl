{{/* step's time functions (toTime, formatTime, parseTime, mustParseTime, toTimeLayout) and sprig's unixEpoch, dateInZone, duration, with fixed times only */}}
{
  "subject": {
    "commonName": "time",
    "extraNames": [
      {"type": "1.3.6.1.4.1.55555.9.1", "value": {{ toJson (toString (toTime 1700000000)) }}},
      {"type": "1.3.6.1.4.1.55555.9.2", "value": {{ toJson (toString (formatTime 1700000000)) }}},
      {"type": "1.3.6.1.4.1.55555.9.3", "value": {{ toJson (toString (formatTime (toTime 0))) }}},
      {"type": "1.3.6.1.4.1.55555.9.4", "value": {{ toJson (toString (toTime .Insecure.User.epoch | formatTime)) }}},
      {"type": "1.3.6.1.4.1.55555.9.5", "value": {{ toJson (toString (parseTime "2024-07-02T23:16:02Z" | formatTime)) }}},
      {"type": "1.3.6.1.4.1.55555.9.6", "value": {{ toJson (toString (parseTime "2024-07-02T23:16:02+02:00")) }}},
      {"type": "1.3.6.1.4.1.55555.9.7", "value": {{ toJson (toString (parseTime "2024-07-02T23:16:02+02:00" | formatTime)) }}},
      {"type": "1.3.6.1.4.1.55555.9.8", "value": {{ toJson (toString (parseTime "time.RFC1123" "Tue, 02 Jul 2024 16:20:48 UTC" | unixEpoch)) }}},
      {"type": "1.3.6.1.4.1.55555.9.9", "value": {{ toJson (toString (parseTime "DateOnly" "2024-07-02" | formatTime)) }}},
      {"type": "1.3.6.1.4.1.55555.9.10", "value": {{ toJson (toString (parseTime "time.DateTime" "2024-07-02 16:20:48" "Europe/Paris" | formatTime)) }}},
      {"type": "1.3.6.1.4.1.55555.9.11", "value": {{ toJson (toString (mustParseTime "2006-01-02" "2030-12-31" | formatTime)) }}},
      {"type": "1.3.6.1.4.1.55555.9.12", "value": {{ toJson (toString (parseTime "garbage")) }}},
      {"type": "1.3.6.1.4.1.55555.9.13", "value": {{ toJson (toString (toTimeLayout "RFC3339")) }}},
      {"type": "1.3.6.1.4.1.55555.9.14", "value": {{ toJson (toString (toTimeLayout "time.UnixDate")) }}},
      {"type": "1.3.6.1.4.1.55555.9.15", "value": {{ toJson (toString (toTimeLayout "kitchen")) }}},
      {"type": "1.3.6.1.4.1.55555.9.16", "value": {{ toJson (toString (toTimeLayout "dateonly")) }}},
      {"type": "1.3.6.1.4.1.55555.9.17", "value": {{ toJson (toString (toTimeLayout "02/01/2006")) }}},
      {"type": "1.3.6.1.4.1.55555.9.18", "value": {{ toJson (toString (dateInZone "2006-01-02 15:04 MST" (toTime 1700000000) "Asia/Tokyo")) }}},
      {"type": "1.3.6.1.4.1.55555.9.19", "value": {{ toJson (toString (unixEpoch (toTime 86400))) }}},
      {"type": "1.3.6.1.4.1.55555.9.20", "value": {{ toJson (toString (duration 3725)) }}},
      {"type": "1.3.6.1.4.1.55555.9.21", "value": {{ toJson (toString (duration "90")) }}}
    ]
  }
}

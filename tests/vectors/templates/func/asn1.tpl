{{/* asn1Enc with every type prefix, asn1Marshal with Go asn1 parameters, asn1Seq and asn1Set (not DER-sorted) building custom extension values */}}
{
  "subject": "asn1 helpers",
  "extensions": [
    {"id": "1.3.6.1.4.1.55555.30.1", "value": {{ asn1Seq (asn1Enc "no prefix is printable") (asn1Enc "printable:Printable*Star") (asn1Enc "utf8:UTF-8 välue") (asn1Enc "ia5:ia5@acme.example") (asn1Enc "numeric:0123 456") (asn1Enc "int:-129") (asn1Enc "int:65535") (asn1Enc "oid:1.2.840.113549.1.1.11") (asn1Enc "utc:2025-01-01T00:00:00Z") (asn1Enc "generalized:2049-12-31T23:59:59Z") (asn1Enc "utc:2025-01-01 12:00:00 +0000 UTC") (asn1Enc "utc:2050-01-01T00:00:00Z") (asn1Enc "bool:true") (asn1Enc "boolean:false") (asn1Enc "raw:BQA=") (asn1Enc "utf8,explicit:explicit [0]") (asn1Enc "ia5,explicit,application:application [0]") (asn1Enc "tag:3:the prefix ends at the first colon") (asn1Enc "unknown-type:unknown parameters are ignored") (asn1Enc (printf "generalized:%s" (parseTime "2030-01-01T00:00:00Z" | formatTime))) | toJson }}},
    {"id": "1.3.6.1.4.1.55555.30.2", "value": {{ asn1Set (asn1Enc "utf8:b") (asn1Enc "utf8:a") | toJson }}},
    {"id": "1.3.6.1.4.1.55555.30.3", "value": {{ asn1Marshal 5 | toJson }}},
    {"id": "1.3.6.1.4.1.55555.30.4", "value": {{ asn1Marshal "marshal" "utf8" | toJson }}},
    {"id": "1.3.6.1.4.1.55555.30.5", "value": {{ asn1Marshal "tagged" "ia5" "explicit" "tag:2" | toJson }}},
    {"id": "1.3.6.1.4.1.55555.30.6", "value": {{ asn1Marshal (list 1 2 3) | toJson }}},
    {"id": "1.3.6.1.4.1.55555.30.7", "value": {{ asn1Marshal true | toJson }}},
    {"id": "1.3.6.1.4.1.55555.30.8", "value": {{ asn1Marshal "printable by default" | toJson }}},
    {"id": "1.3.6.1.4.1.55555.30.9", "value": {{ asn1Marshal "implicit" "utf8" "tag:5" | toJson }}},
    {"id": "1.3.6.1.4.1.55555.30.10", "value": {{ asn1Seq (asn1Seq) (asn1Set) (asn1Seq (asn1Enc "int:1") (asn1Enc "oid:2.5.4.3")) | toJson }}},
    {"id": "1.3.6.1.4.1.55555.30.11", "value": {{ asn1Marshal "a&b" | toJson }}}
  ]
}

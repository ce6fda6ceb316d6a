{{ toPrettyJson .m }}
{{ toPrettyJson .el }}
{{ toPrettyJson .em }}
{{ toPrettyJson (list (dict) (list) 1) }}
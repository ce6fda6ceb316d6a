{{ toJson .tricky }}
{{ toRawJson .tricky }}
{{ toPrettyJson .tricky }}
{{ toJson .p }}
{{ toJson .pp }}
{{ toPrettyJson .p }}
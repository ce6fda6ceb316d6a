{
	"subject": {{ toJson .Subject }},
	"sans": {{ toJson .SANs }}
}